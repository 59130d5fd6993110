namespace Jaga.Core.Messages;

/// <summary>The texts of the update pillar run by the daemon (<c>Jaga.Engine.Updates.Schedule</c>): the scheduled run on
/// <c>update.schedule</c> and the security watch between runs; their log lines and the reasons a run ends with.</summary>
internal static class UpdateScheduleCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["update.watch.triggered"] = "New advisory data ({0}): re-auditing offline to apply security fixes now",
        ["update.run.failed"] = "Update run {0} FAILED: {1}",
        ["reason.update.run.done"] = "{0} package(s) audited; {1} update(s) applied, {2} waiting for review",
        ["reason.update.run.missing"] = "no data for {0}",
        ["reason.update.run.vulnerable"] = "advisories at or above update.fail_on still open: {0}",
        ["reason.update.run.rolled.back"] = "rolled back: {0}",
        ["reason.update.run.skipped"] = "not applied: {0}",
        ["reason.update.run.no.test"] = "{0} update(s) to apply, but update.test is empty: name the command that must pass after an update",
        ["reason.update.run.os.security"] = "{0} OS security update(s) pending: sudo jaga patches --apply --security-only",
        ["reason.update.run.os.failed"] = "OS patches not read: {0}",
        ["reason.update.watch.nothing"] = "no security fix to apply",
    };
}
