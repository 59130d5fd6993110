using Jaga.Core.Journal.Events.Scheduling;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Journal;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

/// <summary>One node's scheduler. Each pass decides, per job, whether an occurrence is due (<see cref="Due"/>), claims it in
/// the state store (so exactly one node runs it) and starts it without waiting for it; it keeps the node's claims alive,
/// declares runs of silent nodes lost, and sleeps until the next occurrence or until something changes.</summary>
public sealed partial class Scheduler : IAsyncDisposable
{
    private readonly IJobRuns ledger;
    private readonly INodeRegistry nodes;
    private readonly SchedulerOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SchedulerJournal journal;
    private readonly SemaphoreSlim slots;
    private readonly Dictionary<string, Slot> jobs = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset nextHousekeeping = DateTimeOffset.MinValue;
    private volatile bool storeReachable = true;
    private readonly CancellationTokenSource stopFinisher = new();
    private readonly Task finisher;
    private int disposed;

    public Scheduler(IJobRuns ledger, INodeRegistry nodes, MaintenanceJournal journal, SchedulerOptions options, TimeProvider clock, ILogger logger)
    {
        this.ledger = ledger;
        this.nodes = nodes;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        this.journal = new SchedulerJournal(journal, clock, logger, options.Zone);
        slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        finisher = Task.Run(() => FinisherAsync(stopFinisher.Token), CancellationToken.None);
    }

    public SchedulerStats Stats { get; } = new();

    /// <summary>False while the state store cannot be reached (the node keeps running, claims nothing, and resumes).</summary>
    public bool StoreReachable => storeReachable;

    /// <summary>The node's id in the state store.</summary>
    public string Node => options.Node;

    /// <summary>The jobs this node carries out, in plan order.</summary>
    public IReadOnlyList<ScheduledJob> Jobs
    {
        get { lock (gate) return [.. jobs.Values.Where(s => !s.Removed).Select(s => s.Job)]; }
    }

    /// <summary>Jobs running on this node now.</summary>
    public IReadOnlyList<string> Running
    {
        get { lock (gate) return [.. jobs.Values.Where(s => s.Execution is not null).Select(s => s.Job.Id)]; }
    }

    /// <summary>Sets the jobs to carry out (at start and on every reload). A job that keeps its id keeps its state, and a
    /// run in progress goes on; a removed job's running run finishes.</summary>
    public void Replace(IReadOnlyList<ScheduledJob> next)
    {
        lock (gate)
        {
            // Marked, not removed: a pass may hold the slot across a round trip; passes prune removed idle slots.
            foreach (var id in jobs.Keys.Except(next.Select(j => j.Id.Text)).ToList())
            {
                jobs[id].Removed = true;
                anyRemoved = true;
            }
            foreach (var job in next)
            {
                if (jobs.TryGetValue(job.Id, out var slot))
                {
                    // A new schedule may make the job due sooner: look again now. The generation tells a pass that took
                    // the slot before this reset not to overwrite it with a time computed from the old schedule.
                    if (slot.Job.Schedule.Text != job.Schedule.Text)
                    {
                        slot.CheckAt = DateTimeOffset.MinValue;
                        slot.Generation++;
                    }
                    slot.Job = job;
                    slot.Removed = false;
                }
                else jobs[job.Id] = slot = new Slot(job) { Order = created++ };
                Schedule(slot);
            }
        }
        Wake();
    }

    /// <summary>Runs until <paramref name="stopping"/> fires, then lets running jobs finish within the shutdown timeout and
    /// records those still going as interrupted.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        lock (gate)
        {
            loopStopping = stopping;
            draining = false;
        }
        try
        {
            await LoopAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // SIGTERM during a pass's round trip: stop taking work, and drain below all the same.
        }
        await DrainAsync();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var signal = Interlocked.Exchange(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            signal.TrySetResult();
            var sleepUntil = await PassAsync(stopping);
            lock (gate) sleepingUntil = sleepUntil;
            var delay = sleepUntil - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero) continue;
            // Timers count whole milliseconds and cut the rest off: a wait of 4.7 ms would end 0.7 ms early, and the loop
            // would then spin through passes until the instant came (each of a thousand checks' instants, every period).
            delay = TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var woken = Volatile.Read(ref wake).Task;
            await Task.WhenAny(Task.Delay(delay, clock, wait.Token), woken).ConfigureAwait(false);
            await wait.CancelAsync();
        }
    }

    /// <summary>Ends the writer of run ends. Call it after <see cref="RunAsync"/> or <see cref="RunOnceAsync"/> returned: every
    /// end was recorded by then, or given up when stopping (its lease runs out), so a batch still retried is abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        ends.Writer.TryComplete();
        await stopFinisher.CancelAsync();
        await finisher;
        stopFinisher.Dispose();
        slots.Dispose();
    }

    private void Wake() => Volatile.Read(ref wake).TrySetResult();

    /// <summary>When the loop means to look again (under <see cref="gate"/>): a run that ends need not wake it sooner unless
    /// its job's next look comes before that.</summary>
    private DateTimeOffset sleepingUntil = DateTimeOffset.MinValue;

    /// <summary>One pass: every job whose check time came, then housekeeping when due; each on its own, so a failing part
    /// never stops the other (a node that stopped beating would see its live runs declared lost). Returns when to look again.</summary>
    private async Task<DateTimeOffset> PassAsync(CancellationToken stopping)
    {
        Stats.RecordPass();
        var now = clock.GetUtcNow();
        var retryAt = DateTimeOffset.MaxValue;
        // The first pass beats first: the owned jobs are split between the nodes the beat finds.
        if (nextHousekeeping == DateTimeOffset.MinValue && await GuardAsync(() => HousekeepAsync(now, stopping), stopping)) nextHousekeeping = now + options.Housekeeping;
        List<Slot> due;
        lock (gate)
        {
            PruneRemoved();
            due = TakeDue(now);
            foreach (var slot in due) slot.Taken = slot.Generation;
        }
        if (due.Count > 0 && !await GuardAsync(() => ConsiderAsync(due, now, stopping), stopping))
        {
            // Nothing decided is lost: the jobs of this pass are looked at again shortly.
            retryAt = now + TimeSpan.FromSeconds(storeReachable ? 5 : 1);
            foreach (var slot in due) Reschedule(slot, retryAt, onlyIdle: true);
        }
        // After the claims: the beat falls on the same instants as interval jobs, and must not make them late.
        if (now >= nextHousekeeping)
        {
            if (await GuardAsync(() => HousekeepAsync(now, stopping), stopping)) nextHousekeeping = now + options.Housekeeping;
            else retryAt = now + TimeSpan.FromSeconds(1);
        }
        lock (gate)
        {
            var next = retryAt < nextHousekeeping ? retryAt : nextHousekeeping;
            var look = NextLook();
            return look < next ? look : next;
        }
    }

    /// <summary>Runs one part of a pass; false when it failed. A state store that is away pauses scheduling (and makes the
    /// node not ready); any other error is a bug, logged, and must not take the node down with every other job.</summary>
    private async Task<bool> GuardAsync(Func<Task> part, CancellationToken stopping)
    {
        try
        {
            await part();
            if (!storeReachable) logger.LogInformation("state store reachable again");
            storeReachable = true;
            return true;
        }
        catch (Exception e) when (Faults.IsStoreFault(e) && !stopping.IsCancellationRequested)
        {
            if (storeReachable) logger.LogWarning("state store unreachable, scheduling paused: {Reason}", e.Message);
            storeReachable = false;
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogError(e, "scheduler pass failed");
            return false;
        }
    }

    /// <summary>Decides for every job whose time came, then claims all that are due in one transaction: a thousand jobs due
    /// at one instant cost one read and one commit, so the last of them does not wait behind the others' claims.</summary>
    private async Task ConsiderAsync(List<Slot> due, DateTimeOffset now, CancellationToken stopping)
    {
        foreach (var slot in due.Where(s => s.Job.Owned)) ConsiderOwned(slot, now, stopping);
        due = [.. due.Where(s => !s.Job.Owned)];
        if (due.Count == 0) return;
        // Read, not cached: other nodes run occurrences too, and a missed count must be true.
        var lasts = await ledger.LastOccurrencesAsync([.. due.Select(s => s.Job.Id)], stopping);
        var claiming = new List<(Slot Slot, DueDecision Decision, DateTimeOffset Occurrence)>();
        foreach (var slot in due)
        {
            var job = slot.Job;
            slot.Last = lasts.TryGetValue(job.Id, out var last) ? last : null;
            DueDecision decision;
            try
            {
                // Time spent waiting for work does not make the occurrence late (and so skipped under catch_up: skip).
                decision = Due.Decide(job.Schedule, options.Zone, slot.Last, now, job.CatchUp, slot.Waiting ? TimeSpan.MaxValue : Due.LateAfter(job.Schedule));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // One job's schedule that cannot be computed must not hold up the others.
                logger.LogError(e, "{Job}: could not compute its schedule", job.Id);
                Reschedule(slot, now + TimeSpan.FromMinutes(1));
                continue;
            }
            if (decision.Skipped is { } skipped)
            {
                var next = decision.Next is { } n ? journal.Local(n) : "-";
                var detail = journal.Format(new JobSkipped(job.Id, decision.Missed, journal.Local(skipped), next));
                if (await ledger.RecordSkippedAsync(job.Id, skipped, options.Node, now, detail, stopping) && !job.MissedQuietly)
                    await journal.RecordAsync(new JobSkipped(job.Id, decision.Missed, journal.Local(skipped), next) { Data = Data(job, skipped) }, stopping);
                slot.Last = skipped;
                Reschedule(slot, decision.Next ?? DateTimeOffset.MaxValue);
            }
            else if (decision.Run is { } occurrence)
            {
                if (job.Ready is { } ready)
                {
                    // Marked before asking, so the end of the job it waits for, however soon, wakes it again.
                    lock (gate) slot.Waiting = true;
                    if (!await ready(stopping))
                    {
                        // Not claimed: the occurrence stays due until there is something to work on (see ScheduledJob.Ready).
                        Reschedule(slot, now + WaitingRetry);
                        continue;
                    }
                    lock (gate) slot.Waiting = false;
                }
                claiming.Add((slot, decision, occurrence));
            }
            else Reschedule(slot, decision.Next ?? DateTimeOffset.MaxValue);
        }
        if (claiming.Count == 0) return;
        var results = await ledger.TryClaimManyAsync([.. claiming.Select(c => (c.Slot.Job.Id, c.Occurrence))], options.Node, now, options.Lease, stopping);
        for (var i = 0; i < claiming.Count; i++)
        {
            var (slot, decision, occurrence) = claiming[i];
            var (result, run) = results[i];
            // Moved on only once the claim is settled: a claim that failed leaves the occurrence to the next look.
            if (result == ClaimResult.Busy)
            {
                // Running elsewhere: look again soon; the catch-up policy decides once it is free.
                Reschedule(slot, now + TimeSpan.FromSeconds(1));
                continue;
            }
            Reschedule(slot, decision.Next ?? DateTimeOffset.MaxValue);
            slot.Last = occurrence;
            if (result != ClaimResult.Claimed) continue;
            if (decision.CatchingUp && !slot.Job.MissedQuietly)
                await journal.RecordAsync(new JobCatchingUp(slot.Job.Id, decision.Missed, journal.Local(occurrence)) { Data = Data(slot.Job, occurrence) }, stopping);
            // A job's first run ever is for an occurrence that may be long past (the hour's start): not a lag of the scheduler.
            Start(slot, run!, onTime: decision.Missed == 0 && lasts.ContainsKey(slot.Job.Id), stopping);
        }
    }

    /// <summary>An owned job's occurrence, decided from the occurrence kept in memory (none after a start: it runs at once),
    /// without a read or a claim: run here when this node owns the job, passed over otherwise.</summary>
    private void ConsiderOwned(Slot slot, DateTimeOffset now, CancellationToken stopping)
    {
        var job = slot.Job;
        DueDecision decision;
        try
        {
            decision = Due.Decide(job.Schedule, options.Zone, slot.Last, now, CatchUp.Skip, Due.LateAfter(job.Schedule));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            logger.LogError(e, "{Job}: could not compute its schedule", job.Id);
            Reschedule(slot, now + TimeSpan.FromMinutes(1));
            return;
        }
        var first = slot.Last is null;
        slot.Last = decision.Run ?? decision.Skipped ?? slot.Last;
        Reschedule(slot, decision.Next ?? DateTimeOffset.MaxValue);
        if (decision.Run is not { } occurrence || !Owns(job.Id)) return;
        var run = new JobRun(0, job.Id, occurrence, 1, options.Node, now, now + options.Lease, null, RunOutcome.Running, null);
        // A first run after a start is for an occurrence up to a period old: not a lag of the scheduler.
        Start(slot, run, onTime: !first && decision.Missed == 0, stopping, owned: true);
    }

    /// <summary>Sets when a slot taken by this pass is looked at again, under <see cref="gate"/> as <see cref="Replace"/>
    /// writes it: unless a reload reset the slot since the pass took it (its new schedule is looked at first).</summary>
    private void Reschedule(Slot slot, DateTimeOffset at, bool onlyIdle = false)
    {
        lock (gate)
        {
            if (slot.Taken != slot.Generation || (onlyIdle && slot.Execution is not null)) return;
            slot.CheckAt = at;
            Schedule(slot);
        }
    }

    /// <summary>How often a job waiting for work (<see cref="ScheduledJob.Ready"/>) looks again when nothing on this node
    /// wakes it: the job it waits for may run on another node.</summary>
    private static readonly TimeSpan WaitingRetry = TimeSpan.FromMinutes(1);

    /// <summary>After a run of <paramref name="job"/> ends, the jobs waiting for it look again at once.</summary>
    private void WakeWaitingFor(JobId job)
    {
        lock (gate)
        {
            foreach (var s in jobs.Values)
                if (s.Waiting && s.Job.After == job && s.Execution is null)
                {
                    s.CheckAt = DateTimeOffset.MinValue;
                    s.Generation++;
                    Schedule(s);
                }
        }
    }

    private static Dictionary<string, string> Data(ScheduledJob job, DateTimeOffset occurrence) => new()
    {
        ["job"] = job.Id,
        ["occurrence"] = occurrence.UtcDateTime.ToString("O"),
    };

    private sealed class Slot(ScheduledJob job)
    {
        public ScheduledJob Job { get; set; } = job;

        /// <summary>The newest occurrence with a record, as last read from the store.</summary>
        public DateTimeOffset? Last { get; set; }

        public DateTimeOffset CheckAt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>The time of this slot's live entry on the agenda; null when it has none.</summary>
        public DateTimeOffset? Queued { get; set; }

        /// <summary>When it was created among the jobs (plan order at the start; a job a reload adds comes after the others),
        /// the order a pass takes due jobs in.</summary>
        public int Order { get; init; }

        /// <summary>Counts the reloads that reset <see cref="CheckAt"/>.</summary>
        public int Generation { get; set; }

        /// <summary>The <see cref="Generation"/> when the current pass took the slot.</summary>
        public int Taken { get; set; }

        public Execution? Execution { get; set; }

        public bool Removed { get; set; }

        /// <summary>Its occurrence was due but it had nothing to work on (<see cref="ScheduledJob.Ready"/>), so it was not claimed.</summary>
        public bool Waiting { get; set; }
    }
}
