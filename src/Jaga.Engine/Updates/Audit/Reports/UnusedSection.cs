using Jaga.Core.Messages;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary>The audit's "Probably unused (N)" section as lines (the terminal and Markdown reports): one line per
/// dependency with its evidence, then those that could not be checked with why. Empty when there is nothing to say.</summary>
public static class UnusedSection
{
    public static IReadOnlyList<string> Lines(AuditReport report, Catalog words)
    {
        var lines = new List<string>();
        var probable = report.Unused.Where(u => u.Probable).OrderBy(u => u.Dependency.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (probable.Count > 0)
        {
            lines.Add(words.Format("cli.deps.unused.title", probable.Count));
            lines.AddRange(probable.Select(u => Line(u, words)));
        }
        var unchecked_ = report.Unused.Where(u => !u.Probable).ToList();
        if (unchecked_.Count > 0)
        {
            lines.Add(words.Format("cli.deps.unused.unchecked", unchecked_.Count));
            lines.AddRange(unchecked_.Select(u => Line(u, words)));
        }
        return lines;
    }

    private static string Line(Core.Updates.Unused.UnusedDependency u, Catalog words) =>
        $"  {u.Dependency.Name} ({AuditWords.Of(u.Dependency.Ecosystem)}, {u.Dependency.Where}): {words.Format(u.Evidence.Key, [.. u.Evidence.Args])}";
}
