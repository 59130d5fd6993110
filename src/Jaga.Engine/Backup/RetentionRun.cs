using Jaga.Core.Backup;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Retention;

namespace Jaga.Engine.Backup;

/// <summary>Applies a job's <c>keep</c> policy at one destination: the pure <see cref="RetentionPolicy"/> decides,
/// this deletes what it says to remove (artifact, then manifest) and records each deletion.</summary>
public sealed class RetentionRun(BackupServices s)
{
    /// <summary>What the policy decides for <paramref name="job"/> at <paramref name="destination"/>, newest first.
    /// Null with a reason when nothing may be deleted now.</summary>
    public async Task<(IReadOnlyList<RetentionDecision> Decisions, string? Hold)> PlanAsync(BackupJob job, string destination, CancellationToken ct)
    {
        if (job.Keep is null) return ([], "the job has no 'keep' policy");
        var records = await s.Catalog.ListAsync(job.Name, ct);
        var candidates = records
            .Where(r => r.Status is BackupStatus.Complete or BackupStatus.Partial && r.Copies.Any(c => c.Destination == destination && c.State == CopyState.Stored))
            .Select(r => new RetentionCandidate(r.Id, r.StartedAt, r.VerifiedAt is not null && r.VerifyResult == "ok"))
            .ToList();
        var decisions = RetentionPolicy.Decide(candidates, job.Keep, s.Plan.Plan.Timezone);
        // Never delete while the latest backups fail: the old ones may be all there is.
        var latest = records.FirstOrDefault(r => r.Status != BackupStatus.Running);
        var hold = latest is { Status: BackupStatus.Failed or BackupStatus.Interrupted } || (latest is not null && !latest.Copies.Any(c => c.Destination == destination && c.State == CopyState.Stored))
            ? $"the latest backup of {job.Name} ({latest!.Artifact}) did not succeed at {destination}; nothing is deleted until one does"
            : null;
        return (decisions, hold);
    }

    /// <summary>Deletes what the policy removes at <paramref name="destination"/>; returns the decisions, the held reason
    /// if any, and how many removals failed (each an ERROR line).</summary>
    public async Task<(IReadOnlyList<RetentionDecision> Decisions, string? Hold, int Failed)> ApplyAsync(BackupJob job, string destination, CancellationToken ct)
    {
        var (decisions, hold) = await PlanAsync(job, destination, ct);
        if (hold is not null) return (decisions, hold, 0);
        var removals = decisions.Where(d => !d.Keep).ToList();
        if (removals.Count == 0) return (decisions, null, 0);
        var failed = 0;
        await using var d = s.Connectors.Destination(destination);
        var rule = Describe(job.Keep!);
        foreach (var decision in removals)
        {
            var record = await s.Catalog.FindAsync(decision.Backup.Id, ct);
            if (record is null) continue;
            try
            {
                // The artifact first: a manifest left alone is harmless, an artifact without one is a leftover.
                await s.Retry.RunAsync(async c => await d.DeleteAsync(record.Artifact, c), ct);
                await s.Retry.RunAsync(async c => await d.DeleteAsync(ArtifactName.ManifestOf(record.Artifact), c), ct);
            }
            catch (DestinationException e)
            {
                await s.Journal.RecordAsync(new BackupPruneFailed(destination, record.Artifact, e.Message)
                {
                    Data = new Dictionary<string, string> { ["job"] = job.Name, ["id"] = record.Id, ["destination"] = destination },
                }, ct: ct);
                failed++;
                continue;
            }
            var copies = record.Copies.Select(c => c.Destination == destination ? c with { State = CopyState.Pruned } : c).ToList();
            if (copies.Any(c => c.State == CopyState.Stored)) await s.Catalog.SaveAsync(record with { Copies = copies }, ct);
            else await s.Catalog.DeleteAsync(record.Id, ct);
            await s.Journal.RecordAsync(new BackupPruned(destination, s.Connectors.Display(destination, record.Artifact), $"keep {rule}")
            {
                Data = new Dictionary<string, string> { ["job"] = job.Name, ["id"] = record.Id, ["destination"] = destination, ["artifact"] = record.Artifact },
            }, ct: ct);
        }
        return (decisions, null, failed);
    }

    /// <summary>The policy as the plan writes it: <c>{ last: 3, daily: 7 }</c>.</summary>
    public static string Describe(KeepPolicy k) => "{ " + string.Join(", ", RetentionPolicy.Rules(k).Select(r => $"{r.Rule}: {r.Value}")) + " }";
}
