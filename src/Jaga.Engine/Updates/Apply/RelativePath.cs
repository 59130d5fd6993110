namespace Jaga.Engine.Updates.Apply;

/// <summary>Paths as manifests are named (relative to the project root, <c>/</c> separators) and as the file system wants them.</summary>
internal static class RelativePath
{
    /// <summary>The absolute path of <paramref name="relative"/> under <paramref name="root"/>.</summary>
    public static string Full(string root, string relative) => Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with <c>/</c> separators.</summary>
    public static string Of(string root, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');
        return relative == "." ? "" : relative;
    }

    /// <summary>Whether <paramref name="relative"/> stays inside <paramref name="root"/> (no <c>..</c> out of it, no absolute path).</summary>
    public static bool IsInside(string root, string relative)
    {
        var full = Full(root, relative);
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(top, StringComparison.Ordinal);
    }
}
