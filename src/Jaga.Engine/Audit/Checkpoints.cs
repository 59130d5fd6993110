using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary>Makes signed checkpoints: on demand (<c>jaga audit checkpoint</c>) and when the plan's <c>audit.checkpoint</c> schedule says one is due.</summary>
public static class Checkpoints
{
    public static async Task<Checkpoint?> CreateAsync(MaintenanceJournal journal, LoadedPlan plan, TimeProvider clock, string? exportTo, CancellationToken ct = default)
    {
        var (key, created) = AuditKeys.LoadOrCreate(plan);
        if (created)
            await journal.RecordAsync(Severity.Info, "audit.key", "audit.key.created", [plan.Plan.Audit.PublicKey, key.KeyId], null, null, ct);
        var head = await journal.Store.HeadAsync(ct);
        if (head is null) return null;
        var checkpoint = key.SignCheckpoint(head.Seq, head.Hash, clock.GetUtcNow());
        await journal.Store.SaveCheckpointAsync(checkpoint, ct);
        var target = exportTo ?? (plan.Plan.Audit.Anchors is { } dir
            ? Path.Combine(plan.Resolve(dir), $"checkpoint-{checkpoint.Seq:D8}.json") : null);
        if (target is not null) AnchorFile.Write(target, checkpoint, plan.Plan.Project);
        await journal.RecordAsync(Severity.Info, "audit.checkpoint", "audit.checkpoint", [checkpoint.Seq, checkpoint.Head[..12], key.KeyId],
            new Dictionary<string, string> { ["seq"] = checkpoint.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), ["head"] = checkpoint.Head, ["key_id"] = key.KeyId }, null, ct);
        return checkpoint;
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
