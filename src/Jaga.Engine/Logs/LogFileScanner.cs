using Jaga.Core.LogRetention;

namespace Jaga.Engine.Logs;

/// <summary>Finds the files a rule's planner must see: every file in every folder the glob's folders match (the live
/// logs and their rotated siblings; the planner sorts out which is which).</summary>
public static class LogFileScanner
{
    public static IReadOnlyList<FoundLogFile> Scan(LogGlob glob)
    {
        var folders = new List<string> { glob.Root };
        foreach (var segment in glob.Segments.Take(glob.Segments.Count - 1))
        {
            folders = [.. folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateDirectories(f))
                .Where(d => segment.IsMatch(Path.GetFileName(d)))];
        }
        var found = new List<FoundLogFile>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var info in new DirectoryInfo(folder).EnumerateFiles())
            {
                // Symbolic links are not followed: a link in a log folder must not make Jaga rotate or delete what it points to.
                if (info.LinkTarget is not null) continue;
                found.Add(new FoundLogFile(info.FullName.Replace('\\', '/'), info.Length, info.LastWriteTimeUtc, info.CreationTimeUtc));
            }
        }
        return found;
    }
}
