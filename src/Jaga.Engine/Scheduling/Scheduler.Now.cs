using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Engine.Scheduling;

/// <summary>What became of a request to run a job now (<see cref="Scheduler.RunNowAsync"/>).</summary>
public enum RunNowResult
{
    /// <summary>Claimed and started: it runs as a scheduled run does, and the node waits for it when it stops.</summary>
    Started,

    /// <summary>A run of the job is going on (here, on another node, or by hand): no second run.</summary>
    Busy,

    /// <summary>This node does not carry out a job of that id.</summary>
    Unknown,

    /// <summary>The scheduler is not running (not started yet, or stopping): it takes no new work.</summary>
    Stopping,
}

public sealed partial class Scheduler
{
    private CancellationToken loopStopping = new(canceled: true);
    private bool draining = true;

    /// <summary>Runs <paramref name="job"/> now, outside its schedule (the dashboard's "back up now"): claimed in the run
    /// ledger at this instant as a run by hand is, so no node's scheduler and no other process runs it at the same time, then
    /// started as a scheduled run (within the concurrency limit, its claim renewed, its end recorded, awaited by the drain at
    /// shutdown). Returns without waiting for the run.</summary>
    public async Task<RunNowResult> RunNowAsync(string job, CancellationToken ct)
    {
        Slot? slot;
        lock (gate)
        {
            if (draining || loopStopping.IsCancellationRequested) return RunNowResult.Stopping;
            if (!jobs.TryGetValue(job, out slot) || slot.Removed) return RunNowResult.Unknown;
            if (slot.Execution is not null) return RunNowResult.Busy;
        }
        var now = AuditEntry.ToMilliseconds(clock.GetUtcNow());
        var (result, run) = await ledger.TryClaimAsync(job, now, options.Node, now, options.Lease, ct);
        if (result != ClaimResult.Claimed) return RunNowResult.Busy;
        var execution = new Execution(run!);
        lock (gate)
        {
            if (!draining && slot.Execution is null)
            {
                slot.Execution = execution;
                execution.Task = Task.Run(() => ExecuteAsync(slot, execution, onTime: false, loopStopping), CancellationToken.None);
                return RunNowResult.Started;
            }
        }
        // Claimed as the node began to stop (or as a retry of a lost run started here): the claim is given back as interrupted.
        await ledger.FinishAsync(run!, RunOutcome.Interrupted, clock.GetUtcNow(), "not started: the node is shutting down", CancellationToken.None);
        return draining ? RunNowResult.Stopping : RunNowResult.Busy;
    }
}
