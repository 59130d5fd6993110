using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Scheduling;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.Scheduling;
using Jaga.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: SchedulerBench <jaga|timer> <seconds> [jobs=1000] [period-s=10] [concurrency=8]
//   jaga:  Jaga's Scheduler over a SQLite state store in a temporary folder (claims, finishes, housekeeping).
//   timer: the floor of a .NET timer: one Task.Delay loop per job to the same occurrences, the same concurrency
//          limit, no state store at all.
// Prints key=value: lag percentiles of every on-time run whose occurrence fell after the start, runs, CPU % of one
// core over the measured window, peak RSS of this process.
if (args.Length < 2 || args[0] is not ("jaga" or "timer"))
{
    Console.Error.WriteLine("usage: SchedulerBench <jaga|timer> <seconds> [jobs] [period-s] [concurrency]");
    return 2;
}
var mode = args[0];
var seconds = int.Parse(args[1], CultureInfo.InvariantCulture);
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var period = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10);
var concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 8;
// The benchmark's composition root: the one place it reads the system clock (banned elsewhere, see BannedSymbols.txt).
#pragma warning disable RS0030
var clock = TimeProvider.System;
#pragma warning restore RS0030
var schedule = new IntervalSchedule(period);

var lags = new List<double>(count * (seconds / (int)period.TotalSeconds + 2));
var gate = new Lock();
// Runs of the occurrence in progress when the bench starts are not on time in any useful sense (they are the first
// look at a job never run, and the first pass claims all of them at once); only occurrences from the second one on
// are measured.
var measureFrom = schedule.Next(clock.GetUtcNow() + period, TimeZoneInfo.Utc)!.Value;
var measureTo = measureFrom + TimeSpan.FromSeconds(seconds);
void Lag(TimeSpan lag)
{
    var occurrence = clock.GetUtcNow() - lag;
    if (occurrence < measureFrom || occurrence >= measureTo) return;
    lock (gate) lags.Add(lag.TotalMilliseconds);
}
Task<JobResult> Trivial(CancellationToken ct) => Task.FromResult(new JobResult(true, "ok"));

using var stop = new CancellationTokenSource();
var process = Process.GetCurrentProcess();
var work = Directory.CreateTempSubdirectory("jaga-bench-scheduler-");
using var slots = new SemaphoreSlim(concurrency, concurrency);
var running = Task.CompletedTask;
Func<Task> cleanup = () => Task.CompletedTask;
if (mode == "jaga")
{
    var planPath = Path.Combine(work.FullName, "jaga.yaml");
    var loaded = PlanFile.LoadText("version: 1\nproject: bench\nstate: state.db\nlog: { file: maintenance.log }\n", planPath);
    if (!loaded.Ok)
    {
        Console.Error.WriteLine(string.Join("\n", loaded.Errors.Select(e => e.Message)));
        return 1;
    }
    var store = await SqliteStateStore.OpenAsync(Path.Combine(work.FullName, "state.db"), clock);
    var journal = new MaintenanceJournal(store, loaded.Plan!, clock, "bench@localhost") { Waits = clock };
    var options = new SchedulerOptions(NodeId.New(), TimeZoneInfo.Utc, concurrency, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    var scheduler = new Scheduler(store.Runs, store.Nodes, journal, options, clock, NullLogger.Instance);
    scheduler.Stats.OnLag = (_, lag) => Lag(lag);
    scheduler.Replace([.. Enumerable.Range(0, count).Select(i =>
        new ScheduledJob(JobId.Other($"bench:{i:0000}"), schedule, CatchUp.Skip, TimeSpan.FromMinutes(1), Trivial))]);
    running = scheduler.RunAsync(stop.Token);
    cleanup = async () =>
    {
        await scheduler.DisposeAsync();
        await store.DisposeAsync();
    };
}
if (mode == "timer")
{
    var loops = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
    {
        try
        {
            DateTimeOffset? last = null;
            while (true)
            {
                // Each occurrence once, and never before its time (a timer may fire a little early by the wall clock).
                var occurrence = schedule.Next(last ?? clock.GetUtcNow(), TimeZoneInfo.Utc)!.Value;
                last = occurrence;
                for (var wait = occurrence - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = occurrence - clock.GetUtcNow())
                    await Task.Delay(wait, clock, stop.Token);
                await slots.WaitAsync(stop.Token);
                try
                {
                    Lag(clock.GetUtcNow() - occurrence);
                    await Trivial(stop.Token);
                }
                finally
                {
                    slots.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    })).ToArray();
    running = Task.WhenAll(loops);
}

// The measured window starts at the first measured occurrence, after start-up and the first look at every job.
var untilWindow = measureFrom - clock.GetUtcNow() - TimeSpan.FromMilliseconds(50);
if (untilWindow > TimeSpan.Zero) await Task.Delay(untilWindow, clock);
process.Refresh();
var cpu0 = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds), clock);
process.Refresh();
var cpu = process.TotalProcessorTime - cpu0;
var elapsed = wall.Elapsed;
var rssPeak = process.PeakWorkingSet64;
var rss = process.WorkingSet64;
// Runs of the window's last occurrences may still be waiting for a slot: give them a moment before stopping.
await Task.Delay(period, clock);
await stop.CancelAsync();
await running;
await cleanup();
try { work.Delete(recursive: true); } catch (IOException) { }

double[] sorted;
lock (gate) sorted = [.. lags.Order()];
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var expected = count * (int)Math.Ceiling(seconds / period.TotalSeconds);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={mode} jobs={count} period_s={period.TotalSeconds:0} concurrency={concurrency} seconds={elapsed.TotalSeconds:0.0} runs={sorted.Length} expected_runs={expected} lag_p50_ms={P(0.50):0.0} lag_p99_ms={P(0.99):0.0} lag_max_ms={(sorted.Length == 0 ? double.NaN : sorted[^1]):0.0} cpu_pct={100 * cpu.TotalSeconds / elapsed.TotalSeconds:0.00} rss_mb={rss / 1048576.0:0.0} rss_peak_mb={rssPeak / 1048576.0:0.0}"));
return 0;
