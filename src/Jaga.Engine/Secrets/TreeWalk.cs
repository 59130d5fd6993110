using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>The files under a folder that is not a git working tree: everything but <c>.git</c>, <c>node_modules</c>,
/// <c>bin</c>, <c>obj</c> and the folders the plan's allowlist names. Symbolic links are not followed (a link to
/// <c>/</c> would scan the machine).</summary>
internal static class TreeWalk
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };

    public static IEnumerable<string> Files(string root, SecretScanner scanner)
    {
        var pending = new Stack<string>();
        pending.Push("");
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            var folder = relative.Length == 0 ? root : Path.Combine(root, relative);
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos()];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry.LinkTarget is not null) continue;
                if (entry is DirectoryInfo)
                {
                    if (!Skipped.Contains(entry.Name) && !scanner.SkipsFolder(path)) pending.Push(path);
                }
                else
                {
                    yield return path;
                }
            }
        }
    }
}
