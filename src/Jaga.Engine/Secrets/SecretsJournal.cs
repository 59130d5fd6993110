using System.Globalization;
using Jaga.Core.Journal.Events.Secrets;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Secrets;

/// <summary>Records a scan in the journal: one maintenance-log line and one audit entry, whose data names each finding by
/// file, line, rule and masked secret (the first <see cref="Listed"/>), never the secret.</summary>
public static class SecretsJournal
{
    public const int Listed = 100;

    public static Task RecordAsync(MaintenanceJournal journal, SecretsReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(report);
        var e = new SecretsScanned(report.Root, report.History, report.RuleSource, report.Files, report.Skipped.Count, report.Findings.Count)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["root"] = report.Root,
                ["history"] = report.History ? "true" : "false",
                ["rules"] = report.RuleSource,
                ["bytes"] = report.Bytes.ToString(CultureInfo.InvariantCulture),
                ["commits"] = report.Commits.ToString(CultureInfo.InvariantCulture),
                ["findings"] = string.Join("\n", report.Findings.Take(Listed).Select(f =>
                    $"{(f.Commit is null ? "" : f.Commit[..Math.Min(12, f.Commit.Length)] + ":")}{f.Path}:{f.Line} {f.RuleId} {f.Masked}")),
            },
        };
        return journal.RecordAsync(e, ct: ct);
    }
}
