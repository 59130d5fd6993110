using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Scheduling;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>Starts a claimed run without waiting for it; it waits for a free slot of the concurrency limit itself, so a
    /// slow job never delays the others' claims.</summary>
    private Execution Start(Slot slot, JobRun run, bool onTime, CancellationToken stopping, bool owned = false)
    {
        var execution = new Execution(run) { Owned = owned };
        lock (gate) slot.Execution = execution;
        execution.Task = Task.Run(() => ExecuteAsync(slot, execution, onTime, stopping), CancellationToken.None);
        return execution;
    }

    private async Task<(RunOutcome Outcome, string Detail)> ExecuteAsync(Slot slot, Execution execution, bool onTime, CancellationToken stopping)
    {
        var job = slot.Job;
        (RunOutcome Outcome, string Detail) ended = (RunOutcome.Interrupted, "not started: the node is shutting down");
        try
        {
            var started = false;
            var holds = !job.Light;
            try
            {
                // A run claimed just as the node began to stop still runs if a slot is free (the drain gives it the
                // shutdown timeout): ending it unstarted would leave its occurrence recorded and never run by any node.
                if (holds && !slots.Wait(0, CancellationToken.None)) await slots.WaitAsync(stopping);
                started = true;
                if (onTime) Stats.RecordLag(job.Id, clock.GetUtcNow() - execution.Run.Occurrence);
                ended = await WorkAsync(job, execution, stopping);
            }
            catch (OperationCanceledException) when (!started)
            {
                // Shutting down before a slot came free: never started, so nothing to undo.
            }
            catch (Exception e) when (started)
            {
                // Whatever went wrong around the work (a journal line that could not be written…), the run's end is recorded.
                logger.LogError(e, "{Job}: the run failed around its work", job.Id);
                ended = (RunOutcome.Failed, e.Message);
            }
            finally
            {
                if (started && holds) slots.Release();
            }
            await FinishAsync(execution, ended.Outcome, ended.Detail, stopping);
            return ended;
        }
        finally
        {
            execution.Done = true;
            bool sooner;
            lock (gate)
            {
                slot.Execution = null;
                if (slot.Removed && jobs.TryGetValue(job.Id, out var current) && ReferenceEquals(current, slot)) jobs.Remove(job.Id);
                Schedule(slot);
                // A pass leaves a running job out of its next look, so the loop may sleep past this job's next time.
                sooner = slot.CheckAt < sleepingUntil;
            }
            // An owned job (a check) frees no slot and no job waits for it: the loop needs waking only when it would sleep
            // past the job's next look. A thousand checks spread over their period would otherwise wake a pass each.
            if (!job.Owned) WakeWaitingFor(job.Id);
            if (sooner || !job.Owned) Wake();
        }
    }

    /// <summary>Runs the work under its timeout and says how it ended. Whatever the work does (throws, hangs, ignores its
    /// cancellation) the node goes on: a hung run is abandoned <see cref="SchedulerOptions.AbandonAfter"/> past its timeout.</summary>
    private async Task<(RunOutcome, string)> WorkAsync(ScheduledJob job, Execution execution, CancellationToken stopping)
    {
        // Timers take at most about 49 days; a longer timeout is, in practice, none.
        var limitSpan = job.Timeout < MaxTimeout ? job.Timeout : MaxTimeout;
        using var timeout = new CancellationTokenSource(limitSpan, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(execution.Stop.Token, timeout.Token);
        var limit = DurationValue.Format(job.Timeout);
        Task<JobResult>? work = null;
        try
        {
            work = Task.Run(() => job.Work(linked.Token), CancellationToken.None);
            var result = await work.WaitAsync(limitSpan + options.AbandonAfter, clock, CancellationToken.None);
            if (result.TimedOutAfter is { } after)
            {
                var own = DurationValue.Format(after);
                await journal.RecordAsync(new JobTimedOut(job.Id, own) { Data = Data(job, execution.Run.Occurrence) }, stopping);
                return (RunOutcome.TimedOut, journal.Format(new JobTimedOut(job.Id, own)));
            }
            if (result.Succeeded || !linked.IsCancellationRequested)
                return (result.Succeeded ? RunOutcome.Succeeded : RunOutcome.Failed, result.Summary);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
        }
        catch (TimeoutException) when (work is { IsCompleted: false })
        {
            await journal.RecordAsync(new JobTimedOut(job.Id, limit) { Data = Data(job, execution.Run.Occurrence) }, stopping);
            logger.LogError("{Job} ignored its cancellation after the timeout of {Timeout}; abandoned", job.Id, limit);
            return (RunOutcome.TimedOut, journal.Format(new JobTimedOut(job.Id, limit)));
        }
        catch (Exception e) when (e is not OperationCanceledException || !linked.IsCancellationRequested)
        {
            // A user error (a key or a file the plan names) says all in its message; anything else is a bug: its stack trace
            // goes to the daemon's log, its type to the maintenance log.
            var reason = e is UserException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            if (e is UserException) logger.LogError("{Job} failed: {Reason}", job.Id, e.Message);
            else logger.LogError(e, "{Job} failed with an unexpected error (a bug)", job.Id);
            await journal.RecordAsync(new JobCrashed(job.Id, reason) { Data = Data(job, execution.Run.Occurrence) }, stopping);
            return (RunOutcome.Failed, journal.Format(new JobCrashed(job.Id, reason)));
        }
        if (timeout.IsCancellationRequested && !execution.Stop.IsCancellationRequested)
        {
            await journal.RecordAsync(new JobTimedOut(job.Id, limit) { Data = Data(job, execution.Run.Occurrence) }, stopping);
            return (RunOutcome.TimedOut, journal.Format(new JobTimedOut(job.Id, limit)));
        }
        if (execution.LostClaim) return (RunOutcome.Lost, "the claim was taken over by another node");
        await journal.RecordAsync(new JobInterrupted(job.Id) { Data = Data(job, execution.Run.Occurrence) }, CancellationToken.None);
        return (RunOutcome.Interrupted, journal.Format(new JobInterrupted(job.Id)));
    }

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(40);

    private sealed class Execution(JobRun run)
    {
        public JobRun Run { get; } = run;

        public CancellationTokenSource Stop { get; } = new();

        public Task<(RunOutcome, string)> Task { get; set; } = System.Threading.Tasks.Task.FromResult((RunOutcome.Running, ""));

        /// <summary>Set when a renewal found the claim gone: another node declared this run lost.</summary>
        public bool LostClaim { get; set; }

        public bool Finished { get; set; }

        /// <summary>A run of an owned job: no claim in the ledger to renew, its end recorded with <see cref="IJobRuns.RecordOwnedAsync"/>.</summary>
        public bool Owned { get; init; }

        /// <summary>Set when the run's work and recording are over, whether or not its end could be recorded.</summary>
        public bool Done { get; set; }
    }
}
