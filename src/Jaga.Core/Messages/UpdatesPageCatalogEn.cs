namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's updates page (English).</summary>
internal static class UpdatesPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.updates.title"] = "Updates",
        ["web.updates.audit"] = "Latest dependency audit",
        ["web.updates.audit.kept"] = "Kept from the audit of {0}:",
        ["web.updates.audit.passed"] = "passed.",
        ["web.updates.audit.vulnerable"] = "an advisory counts (update.fail_on).",
        ["web.updates.audit.incomplete"] = "incomplete: data was missing.",
        ["web.updates.audit.none"] = "No dependency audit recorded yet: run jaga deps audit (the daemon audits on update.schedule).",
        ["web.updates.noaudit"] = "No audit kept on this machine yet.",
        ["web.updates.vulnerable"] = "Vulnerable packages",
        ["web.updates.vulnerable.none"] = "No package is affected by an advisory.",
        ["web.updates.vulnerable.columns"] = "package|version|advisories (fixed in)|decision",
        ["web.updates.plan"] = "Update plan",
        ["web.updates.plan.hint"] = "What jaga deps update --apply would do, by the policy, as of the audit of {0}.",
        ["web.updates.plan.columns"] = "package|current|to|type|decision|why",
        ["web.updates.applied"] = "Applied and rolled-back updates",
        ["web.updates.applied.none"] = "No update applied or rolled back yet.",
        ["web.updates.pending"] = "Pending security findings",
        ["web.updates.pending.none"] = "No security finding is pending.",
        ["web.updates.pending.columns"] = "package|version|advisory|severity|fixed in|source|since",
        ["web.updates.source.dependency"] = "dependency",
        ["web.updates.source.os"] = "OS package",
        ["web.updates.changes"] = "Significant changes awaiting review",
        ["web.updates.changes.hint"] = "Reviewed by someone other than the author: jaga changes review ID --by NAME --note ….",
        ["web.updates.changes.columns"] = "id|kind|when|by|what",
    };
}
