namespace Jaga.Engine.Updates.Unused;

/// <summary>The source files under a folder, walking past the folders that hold installed or built code (node_modules,
/// dist, build, .venv, venv, site-packages, bin, obj) and hidden folders.</summary>
internal static class SourceFiles
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", "dist", "build", "venv", "site-packages", "__pycache__", "bin", "obj",
    };

    public static IEnumerable<string> Under(string folder, IReadOnlyCollection<string> extensions)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> files, folders;
            try
            {
                files = Directory.EnumerateFiles(current).ToList();
                folders = Directory.EnumerateDirectories(current).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
            {
                // An unreadable folder is one the scan cannot count as evidence either way; the rest still counts.
                continue;
            }
            foreach (var file in files.Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
            {
                yield return file;
            }
            foreach (var sub in folders)
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || Skipped.Contains(name)) continue;
                if (new DirectoryInfo(sub).LinkTarget is not null) continue;
                pending.Push(sub);
            }
        }
    }

    /// <summary>A folder relative to the project root as the report says it: <c>web/</c>, or <c>./</c> for the root.</summary>
    public static string Shown(string root, string folder)
    {
        var relative = Path.GetRelativePath(root, folder).Replace('\\', '/');
        return relative == "." ? "./" : relative.TrimEnd('/') + "/";
    }
}
