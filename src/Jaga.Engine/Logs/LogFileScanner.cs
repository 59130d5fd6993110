using Jaga.Core.Globbing;
using Jaga.Core.LogRetention;

namespace Jaga.Engine.Logs;

/// <summary>Finds the files a rule's planner must see: every file in every folder the glob's folders match (the live
/// logs and their rotated siblings; the planner sorts out which is which).</summary>
public static class LogFileScanner
{
    public static IReadOnlyList<FoundLogFile> Scan(Glob glob)
    {
        var found = new List<FoundLogFile>();
        // From the glob's root, into the folders that may lead to a match only; each folder once, so a link back up a
        // tree walked by ** cannot make the walk endless.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([glob.Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!Directory.Exists(folder)) continue;
            var info = new DirectoryInfo(folder);
            if (!seen.Add(info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName)) continue;
            if (glob.MatchesFolder(folder))
            {
                foreach (var file in info.EnumerateFiles())
                {
                    // Symbolic links are not followed: a link in a log folder must not make Jaga rotate or delete what it points to.
                    if (file.LinkTarget is not null) continue;
                    found.Add(new FoundLogFile(file.FullName.Replace('\\', '/'), file.Length, file.LastWriteTimeUtc, file.CreationTimeUtc));
                }
            }
            foreach (var sub in Directory.EnumerateDirectories(folder))
                if (glob.MayContain(sub.Replace('\\', '/'))) pending.Push(sub);
        }
        return found;
    }
}
