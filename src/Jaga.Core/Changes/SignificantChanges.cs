using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Changes;

/// <summary>Which journal entries are significant changes, decided on the entry's audit kind and data alone, so the pillars
/// that write them need not know: the maintenance journal asks for every entry it writes.</summary>
public static class SignificantChanges
{
    /// <summary>The audit kind a migration run's entries carry (written by <c>jaga migrate run</c>); entries with the same
    /// <c>run</c> in their data are one change.</summary>
    public const string MigrationKind = "migration.run";

    /// <summary>The data key under which a plan change lists what makes it significant (<see cref="PlanSignificance"/>).</summary>
    public const string PlanKey = "significant";

    /// <summary>The change <paramref name="entry"/> is, or null when it is none (or its kind is not significant in this plan).</summary>
    public static ChangeDraft? Of(MaintenancePlan plan, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        var data = entry.Data;
        var change = entry.Kind switch
        {
            "plan.change" when Has(data, PlanKey) =>
                Draft(ChangeKind.Plan, "plan:" + data.GetValueOrDefault("new_sha256", entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), null),
            "runbook.run" or "runbook.step" when Restores(plan, data.GetValueOrDefault("runbook")) && Has(data, "run") =>
                Draft(ChangeKind.Restore, "runbook-run:" + data["run"], "runbook-run:" + data["run"]),
            MigrationKind =>
                Has(data, "run") ? Draft(ChangeKind.Migration, "migration:" + data["run"], "migration:" + data["run"]) : Draft(ChangeKind.Migration, "migration", null),
            // Reviewed before (update.review: before), the act was a request reviewed already: it is not listed again.
            "update.apply" when data.GetValueOrDefault("kind") == "major" && plan.Update.Review == ReviewTiming.After =>
                Draft(ChangeKind.MajorUpdate, ChangeSubjects.MajorUpdate(data.GetValueOrDefault("ecosystem") ?? "", data.GetValueOrDefault("name") ?? "", data.GetValueOrDefault("to") ?? ""), null),
            "patches.apply" when Has(data, "package") && Has(data, "to") && plan.Update.Review == ReviewTiming.After =>
                Draft(ChangeKind.SecurityPatch, ChangeSubjects.SecurityPatch(data.GetValueOrDefault(AuditEntry.NodeKey) ?? "", data["package"], data["to"]), null),
            _ => null,
        };
        return change is not null && plan.Changes.Significant(change.Kind) ? change : null;

        ChangeDraft Draft(ChangeKind kind, string subject, string? group) =>
            new(kind, subject, entry.Message, entry.Actor, entry.Time, entry.Seq, Applied: true, Group: group);
    }

    /// <summary>A runbook with a restore step whose runs are reviewed after; one reviewed before was reviewed already.</summary>
    private static bool Restores(MaintenancePlan plan, string? runbook) =>
        plan.Emergency.Runbooks.FirstOrDefault(r => r.Name == runbook) is { Review: ReviewTiming.After } r && r.Steps.Any(s => s is RestoreBackupStep);

    private static bool Has(IReadOnlyDictionary<string, string> data, string key) => data.TryGetValue(key, out var v) && v.Length > 0;
}
