using Jaga.Core.Journal;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Updates.Audit;

namespace Jaga.Engine.Updates;

/// <summary>The update pillar at a glance, from what was recorded (no registry is asked): the last dependency audit and its
/// line in the log, the vulnerable packages it found, the update plan it implies, the updates applied and rolled back, the
/// pending security findings and the significant changes that await review. The dashboard's updates page reads it.</summary>
/// <param name="Audit">This machine's last audit (<see cref="LastAudit"/>); null when none is kept.</param>
/// <param name="AuditLine">The newest audit line of the log (any node's); null when none is among the newest entries.</param>
/// <param name="Updates">Updates applied, rolled back and security patches, newest first.</param>
/// <param name="Pending">Pending security findings, the most severe first.</param>
/// <param name="Unreviewed">Significant changes that await review, newest first.</param>
public sealed record UpdatesReport(
    LastAudit? Audit, AuditEntry? AuditLine, IReadOnlyList<AuditEntry> Updates, IReadOnlyList<SecurityFinding> Pending,
    IReadOnlyList<ChangeRecord> Unreviewed)
{
    /// <summary>How many update acts the report keeps.</summary>
    public const int UpdatesShown = 50;

    /// <summary>How many changes awaiting review the report keeps.</summary>
    public const int ChangesShown = 100;

    /// <summary>The audit kinds of updates applied and taken back (<c>update.apply</c>, <c>update.rollback</c>,
    /// <c>patches.apply</c>).</summary>
    public static readonly IReadOnlySet<string> UpdateKinds = new HashSet<string>(StringComparer.Ordinal) { UpdateApplied.AuditKind, UpdateRolledBack.AuditKind, SecurityPatchApplied.AuditKind };

    public static async Task<UpdatesReport> LoadAsync(LoadedPlan plan, IStateStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // One page of the update pillar's newest entries, as `jaga log --pillar update` reads them.
        var page = await store.QueryAsync(new LogQuery { Pillar = Pillar.Update, PageSize = LogQuery.MaxPageSize }, ct);
        var pending = await store.Security.PendingAsync(ct);
        var changes = await store.Changes.ListAsync(unreviewed: true, ChangesShown, ct);
        return new UpdatesReport(
            LastAudit.Load(plan),
            page.Entries.FirstOrDefault(e => e.Kind == DependencyAuditFinished.AuditKind),
            [.. page.Entries.Where(e => UpdateKinds.Contains(e.Kind)).Take(UpdatesShown)],
            [.. pending.OrderByDescending(f => f.Severity).ThenBy(f => f.FirstSeen)],
            changes);
    }

    /// <summary>The last audit's packages that an advisory affects (no suppression covering it), the worst first.</summary>
    public IReadOnlyList<LastAuditItem> Vulnerable =>
        [.. (Audit?.Items ?? []).Where(i => i.Worst is not null).OrderByDescending(i => i.Worst).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The update plan of the last audit: what the policy applies, what waits for review, what is left to a
    /// person, and what had no data; security first within each.</summary>
    public IReadOnlyList<LastAuditItem> Plan =>
        [.. (Audit?.Items ?? []).Where(i => i.Decision is Decision.Apply or Decision.Review or Decision.Manual or Decision.Unknown)
            .OrderBy(i => i.Decision).ThenByDescending(i => i.Security).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];
}
