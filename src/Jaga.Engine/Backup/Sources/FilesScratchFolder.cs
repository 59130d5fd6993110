using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Sources;

/// <summary>A throw-away folder for <c>backup verify --restore</c>: restored into, counted, and deleted on dispose.</summary>
public sealed class FilesScratchFolder : IAsyncDisposable
{
    private FilesScratchFolder(string path, IReadOnlyList<string>? paths)
    {
        Path = path;
        Target = new FilesRestoreTarget(path, paths);
    }

    /// <summary>Where the scratch folder is.</summary>
    public string Path { get; }

    /// <summary>Restores into the scratch folder; counts per path of the backed-up <c>paths</c>, as the source did.</summary>
    public IRestoreTarget Target { get; }

    /// <summary>An empty folder under the system's temp folder; <paramref name="paths"/> are the backed-up paths.</summary>
    public static FilesScratchFolder Create(IReadOnlyList<string>? paths = null) =>
        new(Directory.CreateTempSubdirectory("jaga-verify-").FullName, paths);

    public ValueTask DisposeAsync()
    {
        if (!Directory.Exists(Path)) return ValueTask.CompletedTask;
        // Restored folders may be read-only, which would stop the delete of what is in them.
        if (!OperatingSystem.IsWindows())
        {
            foreach (var dir in Directory.EnumerateDirectories(Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(Path, recursive: true);
        return ValueTask.CompletedTask;
    }
}
