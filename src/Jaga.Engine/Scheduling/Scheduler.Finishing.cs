using System.Threading.Channels;
using Jaga.Core.Ports;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

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
        var end = new RunEnd(execution.Run, outcome, clock.GetUtcNow(), journal.Redact(detail));
        var owned = execution.Owned ? new OwnedRun(end.Run.Job, end.Run.Occurrence, end.Run.Node, end.Run.ClaimedAt, end.At, end.Outcome, end.Detail) : null;
        if (owned is not null && !stopping.IsCancellationRequested)
        {
            // An owned run's end is history, written with the next batch (which gathers for GatherEnds): the run does not
            // wait for it, or a check every second would find its previous run still going at its next occurrence. No one
            // waits, so the writer logs a batch it cannot write.
            ends.Writer.TryWrite(new PendingEnd(end, owned, null));
            execution.Finished = true;
            return;
        }
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        ends.Writer.TryWrite(new PendingEnd(end, owned, done));
        try
        {
            var recorded = stopping.IsCancellationRequested ? await done.Task.WaitAsync(RecordWhenStopping, clock, CancellationToken.None) : await done.Task;
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

    /// <summary>Retries a batch of ends while the state store is away, 1 s, 2 s … then every 5 s, for as long as the node
    /// runs: a finished run is never left as running because the store was down for a while.</summary>
    private ResiliencePipeline EndsRetry() => new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(Faults.IsStoreFault),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromSeconds(Math.Min(5, args.AttemptNumber + 1))),
        })
        .Build();

    /// <summary>The one writer of run ends; it ends when <see cref="DisposeAsync"/> completes the channel (and gives up a
    /// batch still being retried: its runs were left to their leases when the node stopped).</summary>
    private async Task FinisherAsync(CancellationToken ct)
    {
        var retry = EndsRetry();
        var batch = new List<PendingEnd>();
        while (await ends.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < 1000 && ends.Reader.TryRead(out var end)) batch.Add(end);
            if (options.GatherEnds > TimeSpan.Zero && batch.Count < 1000 && batch.All(b => b.Owned is not null))
            {
                // Only ends of owned runs (checks) so far: let a second's worth gather into one write. Any other end is
                // written at once, as a backup's end decides what runs next.
                await Task.Delay(options.GatherEnds, CancellationToken.None);
                while (batch.Count < 1000 && ends.Reader.TryRead(out var end)) batch.Add(end);
            }
            var attempt = 0;
            try
            {
                await retry.ExecuteAsync(async token =>
                {
                    attempt++;
                    try
                    {
                        await RecordAsync(batch, token);
                    }
                    catch (Exception e) when (Faults.IsStoreFault(e))
                    {
                        logger.LogWarning("could not record the end of {Count} run(s) yet: {Reason}; retrying", batch.Count, e.Message);
                        // After a few tries, one by one: if some go in, the store is up and the others are bad rows, which
                        // must not hold up every later end on this node.
                        if (attempt >= 3 && batch.Count > 1 && await OneByOneAsync(batch, token)) return;
                        throw;
                    }
                }, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                foreach (var b in batch) b.Done?.TrySetCanceled(ct);
            }
            catch (Exception e)
            {
                Unwaited(batch, e);
                foreach (var b in batch) b.Done?.TrySetException(e);
            }
        }
    }

    /// <summary>Records each end alone; true (every end settled) when at least one went in, false when none did (the store
    /// is still away, and the batch is retried whole).</summary>
    private async Task<bool> OneByOneAsync(List<PendingEnd> batch, CancellationToken ct)
    {
        var failed = new List<(PendingEnd End, Exception Error)>();
        var recorded = 0;
        foreach (var b in batch)
        {
            try
            {
                await RecordAsync([b], ct);
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
            b.Done?.TrySetException(e);
        }
        return true;
    }

    /// <summary>Logs the ends no run waits for (owned runs') that were not recorded: nobody else would hear of it.</summary>
    private void Unwaited(List<PendingEnd> batch, Exception e)
    {
        var unwaited = batch.Count(b => b.Done is null && !b.Recorded);
        if (unwaited > 0) logger.LogError(e, "the ends of {Count} check run(s) were not recorded", unwaited);
    }

    /// <summary>Records a batch of ends in one call per kind: the ends of claimed runs, and the runs of owned jobs.</summary>
    private async Task RecordAsync(List<PendingEnd> batch, CancellationToken ct)
    {
        var owned = batch.Where(b => b.Owned is not null).ToList();
        if (owned.Count > 0)
        {
            await ledger.RecordOwnedAsync([.. owned.Select(b => b.Owned!)], ct);
            foreach (var b in owned)
            {
                b.Recorded = true;
                b.Done?.TrySetResult(true);
            }
        }
        var claimed = batch.Where(b => b.Owned is null).ToList();
        if (claimed.Count == 0) return;
        var recorded = await ledger.FinishManyAsync([.. claimed.Select(b => b.End)], ct);
        for (var i = 0; i < claimed.Count; i++) claimed[i].Done?.TrySetResult(recorded[i]);
    }

    /// <summary>The end of a run waiting to be recorded; <paramref name="Owned"/> for a run of an owned job; <paramref name="Done"/>
    /// when the run waits for the record (null for an owned run's end while the node is not stopping).</summary>
    private sealed record PendingEnd(RunEnd End, OwnedRun? Owned, TaskCompletionSource<bool>? Done)
    {
        /// <summary>Set once written: an owned end goes in before the claimed ends of its batch, which may still fail.</summary>
        public bool Recorded { get; set; }
    }
}
