namespace Jaga.Core.Tests;

/// <summary>The repository's root folder, found by walking up from the test binaries to Jaga.slnx.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Jaga.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Jaga.slnx not found above {AppContext.BaseDirectory}");
    }
}
