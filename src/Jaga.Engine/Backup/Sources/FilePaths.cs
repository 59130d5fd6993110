using Jaga.Core.Globbing;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Sources;

/// <summary>The paths of a files backup, as written in the plan and as named in the archive: relative to the base
/// folder, <c>/</c>-separated, never leaving it.</summary>
internal static class FilePaths
{
    /// <summary><c>./uploads/</c> → <c>uploads</c>; throws <see cref="BackupSourceException"/> for a path outside the base.</summary>
    public static string Normalize(string baseDirectory, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, path)));
        var relative = Path.GetRelativePath(baseDirectory, full).Replace(Path.DirectorySeparatorChar, '/');
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new BackupSourceException($"the path '{path}' is not inside the base folder {baseDirectory}; name a file or folder within it");
        return relative;
    }

    /// <summary>Files (and symbolic links, and anything else that is not a folder) under <paramref name="root"/>, itself included when it is one, in
    /// <paramref name="baseDirectory"/>: what a backup of that path holds, and what a restore of it must give back.</summary>
    public static long CountFiles(string baseDirectory, string root, GlobRules excludes)
    {
        var full = Path.Combine(baseDirectory, root);
        var info = new FileInfo(full);
        if (!info.Exists && !Directory.Exists(full) && info.LinkTarget is null) return 0;
        if (info.LinkTarget is not null || !info.Attributes.HasFlag(FileAttributes.Directory))
            return excludes.IsExcluded(root, isFolder: false) ? 0 : 1;
        if (excludes.IsExcluded(root, isFolder: true)) return 0;
        long count = 0;
        foreach (var entry in Children(full))
        {
            var name = $"{root}/{entry.Name}";
            count += IsFolder(entry) ? CountFiles(baseDirectory, name, excludes) : excludes.IsExcluded(name, false) ? 0 : 1;
        }
        return count;
    }

    /// <summary>A folder's entries in a stable order, so the same tree always makes the same archive.</summary>
    public static IEnumerable<FileSystemInfo> Children(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);

    /// <summary>A real folder; a symbolic link to one is stored as a link, never followed.</summary>
    public static bool IsFolder(FileSystemInfo entry) => entry.LinkTarget is null && entry.Attributes.HasFlag(FileAttributes.Directory);

    /// <summary>An archive entry's name as a safe relative path (<c>./a//b/</c> → <c>a/b</c>), empty for the archive's
    /// root; throws <see cref="BackupSourceException"/> for a name that would land outside the restore folder.</summary>
    public static string ArchiveName(string entryName)
    {
        if (entryName.StartsWith('/') || Path.IsPathRooted(entryName) || entryName.Contains('\0', StringComparison.Ordinal))
            throw Unsafe(entryName);
        var parts = entryName.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Contains("..")) throw Unsafe(entryName);
        return string.Join('/', parts);
    }

    private static BackupSourceException Unsafe(string name) =>
        new($"the archive holds the entry '{name}', which would be written outside the restore folder; nothing past it was restored");
}
