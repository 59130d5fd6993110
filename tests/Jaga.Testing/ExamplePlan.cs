namespace Jaga.Testing;

/// <summary>The example plan's folder (examples/tokoku) and copies of it laid out as the repository is.</summary>
public static class ExamplePlan
{
    public static string Root
    {
        get
        {
            for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
                if (File.Exists(Path.Combine(dir, "Jaga.slnx"))) return dir;
            throw new InvalidOperationException("the repository root (with Jaga.slnx) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Folder => Path.Combine(Root, "examples", "tokoku");

    /// <summary>Copies what the repository holds of the example (not the state, logs, backups or migrations a run of
    /// the README's command leaves) to <paramref name="repository"/>/examples/tokoku; returns that folder.</summary>
    public static string CopyTo(string repository)
    {
        var to = Path.Combine(repository, "examples", "tokoku");
        bool Generated(string path) => Path.GetRelativePath(Folder, path).Split(Path.DirectorySeparatorChar)[0] is ".jaga" or "logs" or "backup";
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(Folder, "*", SearchOption.AllDirectories).Where(d => !Generated(d)))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(Folder, dir)));
        foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Where(f => !Generated(f)))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(Folder, file)));
        return to;
    }
}
