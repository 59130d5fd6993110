namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's backups page (English).</summary>
internal static class BackupsPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.backups.title"] = "Backups",
        ["web.backups.nojobs"] = "The plan has no backup jobs; add one under 'backup:'.",
        ["web.backups.schedule"] = "Schedule",
        ["web.backups.destinations"] = "Destinations",
        ["web.backups.last"] = "Last run",
        ["web.backups.next"] = "Next run",
        ["web.backups.running"] = "running now",
        ["web.backups.verifying"] = "verifying its newest backup now",
        ["web.backups.never"] = "not run yet",
        ["web.backups.drill"] = "Restore drill",
        ["web.backups.drill.none"] = "never drilled; 'jaga drill restore {0}' measures how long a restore takes",
        ["web.backups.drill.success"] = "last success {0}",
        ["web.backups.recovery"] = "Recovery time",
        ["web.backups.dataloss"] = "Data-loss window",
        ["web.backups.run"] = "Back up now",
        ["web.backups.verify"] = "Verify the newest",
        ["web.backups.acts"] = "Acts on {0}",
        ["web.backups.chart"] = "Size of the backups of {0} over time",
        ["web.backups.shown"] = "The newest {0} of {1} backups of {2}",
        ["web.backups.shown.all"] = "All {0} backups of {1}",
        ["web.backups.more"] = "Show all {0} backups of {1}",
        ["web.backups.fewer"] = "Show only the newest",
        ["web.backups.columns"] = "Time|Size|Destinations|Verified|Status|Artifact",
        ["web.backups.empty"] = "No backups of {0} yet.",
        ["web.backups.verified.no"] = "no",
        ["web.backups.verified.failed"] = "failed: {0}",
        ["web.backups.verified.ok"] = "{0}: {1} of {2} copies re-read in full",
        ["web.backups.verified.restored"] = "restored in a drill",
        ["web.backups.did.run.started"] = "The backup of {0} started; it shows here as running, then as its new backup.",
        ["web.backups.did.run.busy"] = "{0} is already running; no second run was started.",
        ["web.backups.did.verify.started"] = "The verification of the newest backup of {0} started.",
        ["web.backups.did.verify.busy"] = "A verification of {0} is already running; no second one was started.",
        ["web.backups.did.nothing"] = "{0}: nothing to do (no such job, or no complete backup to verify yet).",
        ["web.backups.did.stopping"] = "The daemon is stopping; nothing was started.",
        ["dashboard.backup.run"] = "{1} started a backup of {0} from the dashboard",
        ["dashboard.backup.verify"] = "{2} started verifying {1} (job {0}) from the dashboard",
    };
}
