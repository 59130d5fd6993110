using System.Collections.Concurrent;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>Owned jobs (checks): run without a claim per run, split between the live nodes, taken over when a node stops.</summary>
public sealed class OwnedJobTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    /// <summary>Owned jobs whose runs say which node ran them at which occurrence (the fake clock's time, floored to the period).</summary>
    private static ScheduledJob[] Jobs(int count, string node, FakeClockRuns runs) =>
    [
        .. Enumerable.Range(0, count).Select(i => new ScheduledJob(JobId.Check($"c{i}"), new IntervalSchedule(Period), CatchUp.Skip, TimeSpan.FromSeconds(30),
            _ =>
            {
                runs.Add($"check:c{i}", node);
                return Task.FromResult(new JobResult(true, "ok"));
            })
        { Light = true, MissedQuietly = true, Owned = true }),
    ];

    [Fact]
    public async Task An_owned_job_runs_every_occurrence_without_a_claim_and_the_ledger_keeps_only_its_newest_run()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var runs = new FakeClockRuns(h.Clock);
        h.Run(Jobs(1, "node-a", runs));

        await runs.WaitAsync(r => r.Count == 1, "the first run, at start");
        for (var i = 0; i < 3; i++) await h.AdvanceAsync(Period);

        var ledger = await h.WaitForRunsAsync("check:c0", r => r.Count == 1 && r[0].Occurrence == SchedulerHarness.Start.AddSeconds(30), "the newest run recorded");
        Assert.Equal((RunOutcome.Succeeded, "node-a", 1), (ledger[0].Outcome, ledger[0].Node, ledger[0].Attempt));
        Assert.Equal([0, 10, 20, 30], runs.Snapshot().Select(r => r.Second));
        // The first run is for an occurrence that came before the start: not a lag of the scheduler; the others are.
        Assert.Equal(3, h.Scheduler.Stats.Lag().Count);
    }

    [Fact]
    public async Task An_owned_job_alone_keeps_its_rhythm_between_beats()
    {
        // Nothing else wakes the loop before the next beat (10 s): the end of each run must, when the job's next look
        // comes sooner (a pass leaves a running job out of its next look).
        await using var h = await SchedulerHarness.CreateAsync();
        var runs = new FakeClockRuns(h.Clock, period: 2);
        h.Run([.. Jobs(1, "node-a", runs).Select(j => j with { Schedule = new IntervalSchedule(TimeSpan.FromSeconds(2)) })]);

        await runs.WaitAsync(r => r.Count == 1, "the first run, at start");
        for (var i = 0; i < 4; i++)
        {
            await h.AdvanceAsync(TimeSpan.FromSeconds(2));
            await runs.WaitAsync(r => r.Count == i + 2, $"run {i + 2}");
        }
        Assert.Equal([0, 2, 4, 6, 8], runs.Snapshot().Select(r => r.Second));
    }

    [Fact]
    public async Task Two_nodes_split_owned_jobs_run_each_occurrence_once_and_one_takes_over_when_the_other_stops()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var runs = new FakeClockRuns(h.Clock);
        var options = new SchedulerOptions("node-b", TimeZoneInfo.Utc, 4, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
        var b = new Scheduler(h.Store.Runs, h.Store.Nodes, h.Journal, options, h.Clock, NullLogger.Instance);
        using var stopB = new CancellationTokenSource();
        b.Replace(Jobs(12, "node-b", runs));
        var loopB = Task.Run(() => b.RunAsync(stopB.Token));
        try
        {
            h.Run(Jobs(12, "node-a", runs));
            await runs.WaitAsync(r => r.Count >= 12, "the first runs");
            for (var i = 0; i < 3; i++) await h.AdvanceAsync(Period);
            await runs.WaitAsync(r => r.Count(x => x.Second == 30) == 12, "the runs of the fourth occurrence");

            // Once each node has read the other (one beat), every occurrence runs once, and both nodes take a share.
            foreach (var second in new[] { 20, 30 })
            {
                var at = runs.Snapshot().Where(r => r.Second == second).ToList();
                Assert.Equal(12, at.Select(r => r.Job).Distinct().Count());
                Assert.Equal(12, at.Count);
                Assert.Equal(["node-a", "node-b"], at.Select(r => r.Node).Distinct().Order());
            }

            await stopB.CancelAsync();
            await loopB.WaitAsync(TimeSpan.FromSeconds(20));
            for (var i = 0; i < 2; i++) await h.AdvanceAsync(Period);
            await runs.WaitAsync(r => r.Count(x => x.Second == 50) == 12, "the runs of the sixth occurrence");
            Assert.All(runs.Snapshot().Where(r => r.Second == 50), r => Assert.Equal("node-a", r.Node));
        }
        finally
        {
            if (!stopB.IsCancellationRequested) await stopB.CancelAsync();
            await loopB.WaitAsync(TimeSpan.FromSeconds(20));
            await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task On_a_real_clock_the_loop_looks_once_per_instant_a_job_comes_due()
    {
        // Timers count whole milliseconds: a wait that ended a fraction of a millisecond early used to send the loop
        // through pass after pass until the instant came, a few dozen per check run.
        var dir = Directory.CreateTempSubdirectory("jaga-scheduler-real-");
        try
        {
            var text = "version: 1\nproject: sched\nstate: .jaga/state.db\n";
            var planPath = Path.Combine(dir.FullName, "jaga.yaml");
            await File.WriteAllTextAsync(planPath, text);
            var plan = Jaga.Engine.Planning.PlanFile.LoadText(text, planPath).Plan!;
            await using var store = await Jaga.Sqlite.SqliteStateStore.OpenAsync(Path.Combine(dir.FullName, ".jaga", "state.db"), TimeProvider.System);
            var journal = new Jaga.Engine.Journal.MaintenanceJournal(store, plan, TimeProvider.System, "test") { Waits = TimeProvider.System };
            var options = new SchedulerOptions("node-a", TimeZoneInfo.Utc, 4, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
            var second = TimeSpan.FromSeconds(1);
            var ran = 0;
            var jobs = Enumerable.Range(0, 20).Select(i => new ScheduledJob(JobId.Check($"r{i}"), new IntervalSchedule(second, IntervalSchedule.PhaseOf($"r{i}", second)), CatchUp.Skip, TimeSpan.FromSeconds(30),
                _ =>
                {
                    Interlocked.Increment(ref ran);
                    return Task.FromResult(new JobResult(true, "ok"));
                })
            { Light = true, MissedQuietly = true, Owned = true }).ToArray();
            await using var scheduler = new Scheduler(store.Runs, store.Nodes, journal, options, TimeProvider.System, NullLogger.Instance);
            scheduler.Replace(jobs);
            using var stop = new CancellationTokenSource();
            var loop = Task.Run(() => scheduler.RunAsync(stop.Token));
            await Task.Delay(TimeSpan.FromSeconds(3.5));
            var passes = scheduler.Stats.Passes;
            var runs = Volatile.Read(ref ran);
            await stop.CancelAsync();
            await loop.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.True(runs >= 40, $"20 checks every second ran {runs} times in 3.5 s");
            // About one pass per instant (20 a second, fewer where phases meet), a few for beats and ends; not dozens.
            Assert.True(passes <= 2 * runs, $"{passes} passes for {runs} runs");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The runs of the test's jobs: which job, on which node, at which second after the start (floored to the period).</summary>
    private sealed class FakeClockRuns(TimeProvider clock, int period = 10)
    {
        private readonly ConcurrentQueue<(string Job, string Node, int Second)> runs = new();

        public void Add(string job, string node)
        {
            var since = (int)(clock.GetUtcNow() - SchedulerHarness.Start).TotalSeconds;
            runs.Enqueue((job, node, since / period * period));
        }

        public List<(string Job, string Node, int Second)> Snapshot() => [.. runs];

        public async Task WaitAsync(Func<List<(string Job, string Node, int Second)>, bool> condition, string what)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!condition(Snapshot()))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(10))
                    Assert.Fail($"{what}; runs: {string.Join(", ", Snapshot().Select(r => $"{r.Job}@{r.Second}:{r.Node}"))}");
                await Task.Delay(25);
            }
        }
    }
}
