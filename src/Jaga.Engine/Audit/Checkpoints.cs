using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary>Makes signed checkpoints: on demand (<c>jaga audit checkpoint</c>) and when the plan's <c>audit.checkpoint</c> schedule says one is due.</summary>
public static class Checkpoints
{
    /// <summary>Verifies the chain and signs its head; a chain that does not verify is never signed
    /// (that would vouch for tampering), and the problem is returned instead.</summary>
    public static async Task<(Checkpoint? Checkpoint, AuditProblem? Refused)> CreateAsync(MaintenanceJournal journal, LoadedPlan plan, TimeProvider clock, string? exportTo, CancellationToken ct = default)
    {
        var key = await AuditKeys.LoadOrCreateAsync(plan, journal, ct);
        var report = await AuditVerifier.VerifyAsync(journal.Store, null, key, null, ct: ct);
        if (!report.Intact) return (null, report.Problems[0]);
        if (report.Head is not { } head) return (null, null);
        var checkpoint = key.SignCheckpoint(head.Seq, head.Hash, clock.GetUtcNow());
        await journal.Store.SaveCheckpointAsync(checkpoint, ct);
        var target = exportTo ?? (plan.Plan.Audit.Anchors is { } dir
            ? Path.Combine(plan.Resolve(dir), $"checkpoint-{checkpoint.Seq:D8}.json") : null);
        if (target is not null) AnchorFile.Write(target, checkpoint, plan.Plan.Project);
        await journal.RecordAsync(new CheckpointSigned(checkpoint.Seq, checkpoint.Head[..12], key.KeyId)
        {
            Data = new Dictionary<string, string> { ["seq"] = checkpoint.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ["head"] = checkpoint.Head, ["key_id"] = key.KeyId },
        }, null, ct);
        return (checkpoint, null);
    }

    /// <summary>True when the plan schedules checkpoints and the latest scheduled time has no checkpoint yet.</summary>
    public static async Task<bool> IsDueAsync(MaintenanceJournal journal, LoadedPlan plan, TimeProvider clock, CancellationToken ct = default)
    {
        if (plan.Plan.Audit.Checkpoint is not { } schedule) return false;
        var now = clock.GetUtcNow();
        var all = await journal.Store.CheckpointsAsync(ct);
        var last = all.Count > 0 ? all[^1] : null;
        var due = schedule.Previous(now, plan.Plan.Timezone, TimeSpan.FromDays(366));
        return due is not null && (last is null || last.Time < due);
    }
}
