using System.Threading.Channels;
using Jaga.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>How long a stopping node waits for the end of a run to be recorded before it leaves it to the lease.</summary>
    private static readonly TimeSpan RecordWhenStopping = TimeSpan.FromSeconds(15);

    private readonly Channel<PendingEnd> ends = Channel.CreateUnbounded<PendingEnd>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records how a run ended. Ends go through one writer that records whatever has gathered in one transaction:
    /// a thousand runs ending together are one commit, and never a thousand writers contending for the store's lock (SQLite
    /// makes a waiting writer sleep on a thread the scheduler needs). Retried while the state store is away, so a finished
    /// run is never left as running; a stopping node waits for it a little, then leaves it to the lease.</summary>
    private async Task FinishAsync(Execution execution, RunOutcome outcome, string detail, CancellationToken stopping)
    {
        if (execution.Finished) return;
        var pending = new PendingEnd(new RunEnd(execution.Run, outcome, clock.GetUtcNow(), journal.Redact(detail)), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        ends.Writer.TryWrite(pending);
        try
        {
            var recorded = stopping.IsCancellationRequested ? await pending.Done.Task.WaitAsync(RecordWhenStopping, clock, CancellationToken.None) : await pending.Done.Task;
            if (!recorded)
                logger.LogWarning("{Job} ended ({Outcome}) after its run had been declared lost; the record stays as it is", execution.Run.Job, outcome);
            execution.Finished = true;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("the end of {Job} could not be recorded before stopping; another node will find its lease expired", execution.Run.Job);
        }
        catch (Exception e)
        {
            // Refused for good: the run's lease runs out and another look records it lost.
            logger.LogError(e, "the end of {Job} was not recorded", execution.Run.Job);
        }
    }

    private async Task FinisherAsync()
    {
        var batch = new List<PendingEnd>();
        while (await ends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 1000 && ends.Reader.TryRead(out var end)) batch.Add(end);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var recorded = await ledger.FinishManyAsync([.. batch.Select(b => b.End)], CancellationToken.None);
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(recorded[i]);
                    break;
                }
                catch (Exception e) when (Faults.IsStoreFault(e))
                {
                    logger.LogWarning("could not record the end of {Count} run(s) yet: {Reason}; retrying", batch.Count, e.Message);
                    // After a few tries, one by one: if some go in, the store is up and the others are bad rows, which
                    // must not hold up every later end on this node.
                    if (attempt >= 3 && batch.Count > 1 && await OneByOneAsync(batch)) break;
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), clock, CancellationToken.None);
                }
                catch (Exception e)
                {
                    foreach (var b in batch) b.Done.TrySetException(e);
                    break;
                }
            }
        }
    }

    /// <summary>Records each end alone; true (every end settled) when at least one went in, false when none did (the store
    /// is still away, and the batch is retried whole).</summary>
    private async Task<bool> OneByOneAsync(List<PendingEnd> batch)
    {
        var failed = new List<(PendingEnd End, Exception Error)>();
        var recorded = 0;
        foreach (var b in batch)
        {
            try
            {
                b.Done.TrySetResult((await ledger.FinishManyAsync([b.End], CancellationToken.None))[0]);
                recorded++;
            }
            catch (Exception e) when (Faults.IsStoreFault(e))
            {
                failed.Add((b, e));
            }
        }
        if (recorded == 0) return false;
        foreach (var (b, e) in failed)
        {
            logger.LogError(e, "the end of {Job} cannot be recorded; the store refuses it while it takes others", b.End.Run.Job);
            b.Done.TrySetException(e);
        }
        return true;
    }

    private sealed record PendingEnd(RunEnd End, TaskCompletionSource<bool> Done);
}
