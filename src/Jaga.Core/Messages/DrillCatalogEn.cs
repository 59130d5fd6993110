namespace Jaga.Core.Messages;

/// <summary>The texts of restore drills (<c>jaga drill restore</c>, their lines in <c>jaga status</c>, and the reason a
/// <c>backup</c> check gives for a failed drill).</summary>
internal static class DrillCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["drill.succeeded"] = "Restore drill of {0} passed: {1} restored and checked in {2} (recovery time); its data was {3} old (data-loss window); {4}",
        ["drill.failed"] = "Restore drill of {0} FAILED: {1}",
        ["reason.drill.test.ok"] = "the test command passed",
        ["reason.drill.test.failed"] = "the test command exited with {0}: {1}",
        ["reason.drill.test.timeout"] = "the test command was stopped after {0}",
        ["reason.drill.test.start"] = "the test command could not be started: {0}",
        ["reason.drill.timeout"] = "the drill did not finish within {0}",
        ["reason.drill.no.copy"] = "no stored copy of {0} is at a destination in the plan",
        ["reason.drill.last.failed"] = "the last restore drill, {0} ago, failed: {1}",
        ["cli.drill.none"] = "job '{0}' has no completed backup to drill yet",
        ["cli.drill.none.hint"] = "take one first: jaga backup run {0}",
        ["cli.drill.kept"] = "The scratch target is kept (remove it yourself): {0}",
        ["cli.status.drills"] = "DRILLED JOB|LAST DRILL|RESULT|LAST SUCCESS|DAYS SINCE|RECOVERY TIME|DATA-LOSS WINDOW",
        ["cli.status.drill.failed"] = "Restore drill of {0} failed: {1}",
        ["word.drill.succeeded"] = "passed",
        ["word.drill.failed"] = "failed",
    };
}
