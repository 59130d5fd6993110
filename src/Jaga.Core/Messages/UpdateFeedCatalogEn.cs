namespace Jaga.Core.Messages;

/// <summary>The texts of the <c>updates</c> check (<c>Jaga.Core.Monitoring.UpdatesVerdict</c>): why pending security
/// updates are overdue, what it rests on when none is, and what to run when nothing was ever recorded.</summary>
internal static class UpdateFeedCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.updates.never"] = "no dependency audit recorded yet: run 'jaga deps audit'",
        ["reason.updates.overdue"] = "{0} security update(s) overdue (pending longer than {1}): {2}",
        ["reason.updates.item"] = "{0} {1} {2} (open {3})",
        ["reason.updates.item.node"] = "{0} {1} on {2} from {3} (open {4})",
        ["reason.updates.more"] = "and {0} more",
        ["reason.updates.none"] = "no security update pending",
        ["reason.updates.pending"] = "{0} security update(s) pending, none overdue (oldest open {1})",
        ["reason.updates.audit"] = "last dependency audit {0} ago",
        ["reason.updates.audit.incomplete"] = "last dependency audit {0} ago, incomplete (findings it could not judge stay pending)",
    };
}
