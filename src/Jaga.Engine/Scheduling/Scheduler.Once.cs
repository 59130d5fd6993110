using Jaga.Core.Journal.Events.Scheduling;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary><c>jaga run --once</c>: every job whose most recent occurrence has no record yet (or that never ran) runs
    /// now, one after another in plan order, then the node is marked stopped. Lateness does not matter here: cron starts
    /// the command whenever it likes, so nothing is skipped for being late.</summary>
    public async Task<IReadOnlyList<OnceRun>> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Lost runs of other nodes are recorded, not retried here: a retry would run beside this command's jobs and be cut
        // off when it exits; a daemon sharing the store retries them.
        await HousekeepAsync(now, ct, retryLost: false);
        List<Slot> order;
        lock (gate) order = [.. jobs.Values.Where(s => !s.Removed)];
        var runs = new List<OnceRun>();
        foreach (var slot in order)
        {
            var job = slot.Job;
            var last = await ledger.LastOccurrenceAsync(job.Id, ct);
            var decision = Due.Decide(job.Schedule, options.Zone, last, clock.GetUtcNow(), job.CatchUp, TimeSpan.MaxValue);
            if (decision.Run is not { } occurrence) continue;
            // Nothing to work on (a verification whose backup failed): left due, unclaimed, for the next run.
            if (job.Ready is { } ready && !await ready(ct)) continue;
            var (result, run) = await ledger.TryClaimAsync(job.Id, occurrence, options.Node, clock.GetUtcNow(), options.Lease, ct);
            if (result != ClaimResult.Claimed) continue;
            if (decision.CatchingUp)
                await journal.RecordAsync(new JobCatchingUp(job.Id, decision.Missed, journal.Local(occurrence)) { Data = Data(job, occurrence) }, ct);
            var execution = new Execution(run!);
            lock (gate) slot.Execution = execution;
            // Claims are renewed while it runs, so a long backup is not taken for lost by a daemon sharing the store.
            using var renewing = new CancellationTokenSource();
            var renewal = RenewWhileAsync(renewing.Token);
            var (outcome, detail) = await ExecuteAsync(slot, execution, onTime: false, ct);
            await renewing.CancelAsync();
            await renewal;
            runs.Add(new OnceRun(job, outcome, detail));
        }
        try { await nodes.NodeStoppedAsync(options.Node, clock.GetUtcNow(), CancellationToken.None); }
        catch (Exception e) when (Faults.IsStoreFault(e)) { }
        return runs;
    }

    private async Task RenewWhileAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Housekeeping, clock, ct);
                try { await RenewAsync(clock.GetUtcNow(), ct); }
                catch (Exception e) when (Faults.IsStoreFault(e)) { logger.LogWarning("could not renew claims: {Reason}", e.Message); }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>One run of <c>jaga run --once</c> and how it ended.</summary>
public sealed record OnceRun(ScheduledJob Job, RunOutcome Outcome, string Detail)
{
    public bool Failed => Outcome != RunOutcome.Succeeded;
}
