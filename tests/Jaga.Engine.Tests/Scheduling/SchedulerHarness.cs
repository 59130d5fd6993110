using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.Scheduling;
using Jaga.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>A scheduler on a real SQLite state store in a temp folder, with a fake clock the test moves.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo folder;
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    private SchedulerHarness(DirectoryInfo folder, SqliteStateStore store, MaintenanceJournal journal, FakeTimeProvider clock, SchedulerOptions options, IJobRuns ledger)
    {
        this.folder = folder;
        Store = store;
        Journal = journal;
        Clock = clock;
        Scheduler = new Scheduler(ledger, store.Nodes, journal, options, clock, NullLogger.Instance);
    }

    public SqliteStateStore Store { get; }

    public MaintenanceJournal Journal { get; }

    public FakeTimeProvider Clock { get; }

    public Scheduler Scheduler { get; }

    public static async Task<SchedulerHarness> CreateAsync(int concurrency = 4, TimeSpan? shutdown = null, string node = "node-a", Func<IJobRuns, IJobRuns>? wrap = null, string planExtra = "")
    {
        var clock = new FakeTimeProvider(Start);
        var dir = Directory.CreateTempSubdirectory("jaga-scheduler-");
        var planPath = Path.Combine(dir.FullName, "jaga.yaml");
        var text = "version: 1\nproject: sched\nstate: .jaga/state.db\n" + planExtra;
        await File.WriteAllTextAsync(planPath, text);
        var plan = PlanFile.LoadText(text, planPath).Plan!;
        var store = await SqliteStateStore.OpenAsync(Path.Combine(dir.FullName, ".jaga", "state.db"), clock);
        var journal = new MaintenanceJournal(store, plan, clock, "test") { Waits = TimeProvider.System };
        var options = new SchedulerOptions(node, TimeZoneInfo.Utc, concurrency, TimeSpan.FromSeconds(30), shutdown ?? TimeSpan.FromSeconds(5))
        {
            AbandonAfter = TimeSpan.FromSeconds(2),
        };
        return new SchedulerHarness(dir, store, journal, clock, options, wrap?.Invoke(store.Runs) ?? store.Runs);
    }

    public static ScheduledJob Every(string id, int seconds, Func<CancellationToken, Task<JobResult>> work, TimeSpan? timeout = null, CatchUp catchUp = CatchUp.Once) =>
        new(JobId.Other(id), new IntervalSchedule(TimeSpan.FromSeconds(seconds)), catchUp, timeout ?? TimeSpan.FromMinutes(5), work);

    public static Task<JobResult> Ok(CancellationToken _) => Task.FromResult(new JobResult(true, "ok"));

    public void Run(params ScheduledJob[] jobs)
    {
        Scheduler.Replace(jobs);
        loop = Task.Run(() => Scheduler.RunAsync(stop.Token));
    }

    /// <summary>Moves the fake clock in small steps, so timers fire in order, giving the scheduler's threads real time to act.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(500);
        for (var left = by; left > TimeSpan.Zero; left -= step)
        {
            Clock.Advance(left < step ? left : step);
            await Task.Delay(15);
        }
    }

    /// <summary>Polls (in real time) until <paramref name="condition"/> holds over the job's runs, or fails after 10 s.</summary>
    public async Task<IReadOnlyList<JobRun>> WaitForRunsAsync(string job, Func<IReadOnlyList<JobRun>, bool> condition, string what)
    {
        // Real time, on purpose: the fake clock is the scheduler's; this bounds how long the test waits for its threads.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var runs = await Store.Runs.HistoryAsync(job, 1000);
            if (condition(runs)) return runs;
            if (waited.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail($"{what}; runs of {job}: {string.Join(", ", runs.Select(r => $"{r.Occurrence:HH:mm:ss}#{r.Attempt} {r.Outcome}"))}");
            await Task.Delay(25);
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        if (loop is not null) await loop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await stop.CancelAsync();
        if (loop is not null)
        {
            try { await loop.WaitAsync(TimeSpan.FromSeconds(20)); }
            catch (TimeoutException) { }
        }
        await Scheduler.DisposeAsync();
        await Store.DisposeAsync();
        stop.Dispose();
        folder.Delete(recursive: true);
    }
}
