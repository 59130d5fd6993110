using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Journal;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

/// <summary>One node's scheduler. Each pass decides, per job, whether an occurrence is due (<see cref="Due"/>), claims it in
/// the state store (so exactly one node runs it) and starts it without waiting for it; it keeps the node's claims alive,
/// declares runs of silent nodes lost, and sleeps until the next occurrence or until something changes.</summary>
public sealed partial class Scheduler : IDisposable
{
    private readonly IJobLedger ledger;
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

    public Scheduler(IJobLedger ledger, MaintenanceJournal journal, SchedulerOptions options, TimeProvider clock, ILogger logger)
    {
        this.ledger = ledger;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        this.journal = new SchedulerJournal(journal, clock, logger, options.Zone);
        slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        // The one writer of run ends; it ends when Dispose completes the channel.
        _ = Task.Run(FinisherAsync, CancellationToken.None);
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
            foreach (var id in jobs.Keys.Except(next.Select(j => j.Id)).ToList())
                if (jobs[id].Execution is null) jobs.Remove(id);
                else jobs[id].Removed = true;
            foreach (var job in next)
            {
                if (jobs.TryGetValue(job.Id, out var slot))
                {
                    // A new schedule may make the job due sooner: look again now.
                    if (slot.Job.Schedule.Text != job.Schedule.Text) slot.CheckAt = DateTimeOffset.MinValue;
                    slot.Job = job;
                    slot.Removed = false;
                }
                else jobs[job.Id] = new Slot(job);
            }
        }
        Wake();
    }

    /// <summary>Runs until <paramref name="stopping"/> fires, then lets running jobs finish within the shutdown timeout and
    /// records those still going as interrupted.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var signal = Interlocked.Exchange(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            signal.TrySetResult();
            var sleepUntil = await PassAsync(stopping);
            var delay = sleepUntil - clock.GetUtcNow();
            if (delay <= TimeSpan.Zero) continue;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var woken = Volatile.Read(ref wake).Task;
            await Task.WhenAny(Task.Delay(delay, clock, wait.Token), woken).ConfigureAwait(false);
            await wait.CancelAsync();
        }
        await DrainAsync();
    }

    public void Dispose()
    {
        ends.Writer.TryComplete();
        slots.Dispose();
    }

    private void Wake() => Volatile.Read(ref wake).TrySetResult();

    /// <summary>One pass: housekeeping when due, then every job whose check time came. Returns when to look again.</summary>
    private async Task<DateTimeOffset> PassAsync(CancellationToken stopping)
    {
        var now = clock.GetUtcNow();
        try
        {
            List<Slot> due;
            lock (gate) due = [.. jobs.Values.Where(s => !s.Removed && s.Execution is null && s.CheckAt <= now)];
            if (due.Count > 0) await ConsiderAsync(due, now, stopping);
            // After the claims: the beat falls on the same instants as interval jobs, and must not make them late.
            if (now >= nextHousekeeping)
            {
                await HousekeepAsync(now, stopping);
                nextHousekeeping = now + options.Housekeeping;
            }
            if (!storeReachable) logger.LogInformation("state store reachable again");
            storeReachable = true;
        }
        catch (Exception e) when (Faults.IsStoreFault(e) && !stopping.IsCancellationRequested)
        {
            if (storeReachable) logger.LogWarning("state store unreachable, scheduling paused: {Reason}", e.Message);
            storeReachable = false;
            return now + TimeSpan.FromSeconds(1);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // A bug must not take the node down with every other job: log it and look again shortly.
            logger.LogError(e, "scheduler pass failed");
            return now + TimeSpan.FromSeconds(5);
        }
        lock (gate)
        {
            var next = nextHousekeeping;
            foreach (var s in jobs.Values) if (!s.Removed && s.Execution is null && s.CheckAt < next) next = s.CheckAt;
            return next;
        }
    }

    /// <summary>Decides for every job whose time came, then claims all that are due in one transaction: a thousand jobs due
    /// at one instant cost one read and one commit, so the last of them does not wait behind the others' claims.</summary>
    private async Task ConsiderAsync(List<Slot> due, DateTimeOffset now, CancellationToken stopping)
    {
        // Read, not cached: other nodes run occurrences too, and a missed count must be true.
        var lasts = await ledger.LastOccurrencesAsync([.. due.Select(s => s.Job.Id)], stopping);
        var claiming = new List<(Slot Slot, DueDecision Decision, DateTimeOffset Occurrence)>();
        foreach (var slot in due)
        {
            var job = slot.Job;
            slot.Last = lasts.TryGetValue(job.Id, out var last) ? last : null;
            var decision = Due.Decide(job.Schedule, options.Zone, slot.Last, now, job.CatchUp, Due.LateAfter(job.Schedule));
            slot.CheckAt = decision.Next ?? DateTimeOffset.MaxValue;
            if (decision.Skipped is { } skipped)
            {
                var next = decision.Next is { } n ? journal.Local(n) : "-";
                var detail = journal.Format("job.skipped", job.Id, decision.Missed, journal.Local(skipped), next);
                if (await ledger.RecordSkippedAsync(job.Id, skipped, options.Node, now, detail, stopping))
                    await journal.RecordAsync(Severity.Warn, "scheduler.skip", "job.skipped",
                        [job.Id, decision.Missed, journal.Local(skipped), next], Data(job, skipped), stopping);
                slot.Last = skipped;
            }
            else if (decision.Run is { } occurrence) claiming.Add((slot, decision, occurrence));
        }
        if (claiming.Count == 0) return;
        var results = await ledger.TryClaimManyAsync([.. claiming.Select(c => (c.Slot.Job.Id, c.Occurrence))], options.Node, now, options.Lease, stopping);
        for (var i = 0; i < claiming.Count; i++)
        {
            var (slot, decision, occurrence) = claiming[i];
            var (result, run) = results[i];
            if (result == ClaimResult.Busy)
            {
                // Running elsewhere: look again soon; the catch-up policy decides once it is free.
                slot.CheckAt = now + TimeSpan.FromSeconds(1);
                continue;
            }
            slot.Last = occurrence;
            if (result != ClaimResult.Claimed) continue;
            if (decision.CatchingUp)
                await journal.RecordAsync(Severity.Warn, "scheduler.catchup", "job.catchup",
                    [slot.Job.Id, decision.Missed, journal.Local(occurrence)], Data(slot.Job, occurrence), stopping);
            Start(slot, run!, onTime: decision.Missed == 0, stopping);
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

        public Execution? Execution { get; set; }

        public bool Removed { get; set; }
    }
}
