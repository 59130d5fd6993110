using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring;
using Jaga.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Monitoring.Tests.Engine;

/// <summary>A plan with the given checks, a real SQLite state store and journal in a temp folder, a fake clock, scripted
/// probes and a collecting alert sink: the check monitor exactly as the daemon builds it, minus the network.</summary>
internal sealed class MonitorWorld : IAsyncDisposable
{
    private readonly Dictionary<string, ScriptedProbe> probes = new(StringComparer.Ordinal);

    private MonitorWorld(string folder, LoadedPlan plan, IStateStore store, FakeTimeProvider clock)
    {
        Folder = folder;
        Plan = plan;
        Store = store;
        Clock = clock;
        Journal = new MaintenanceJournal(store, plan, clock, "monitor-test") { Waits = TimeProvider.System };
        Results = new CheckResultWriter(store.Checks, NullLogger.Instance, TimeProvider.System);
        Monitor = NewMonitor();
    }

    public string Folder { get; }

    public LoadedPlan Plan { get; }

    public IStateStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public MaintenanceJournal Journal { get; }

    public CheckResultWriter Results { get; }

    public CollectingAlerts Alerts { get; } = new();

    public CheckMonitor Monitor { get; private set; }

    /// <summary>A world whose plan has these sections below <c>monitoring:</c> (YAML, indented by two) and a notify channel <c>oncall</c>.</summary>
    public static async Task<MonitorWorld> CreateAsync(string monitoring)
    {
        var folder = Directory.CreateTempSubdirectory("jaga-monitor-").FullName;
        var yaml = "version: 1\nproject: shop\ntimezone: Asia/Jakarta\nlog: { file: logs/maintenance.log }\n"
            + "notify:\n  oncall: { webhook: \"http://127.0.0.1:9/hook\" }\nmonitoring:\n" + monitoring.TrimEnd() + "\n";
        var world = new PlanWorld(_ => null, p => File.Exists(p) ? File.ReadAllText(p) : null);
        var loaded = PlanLoader.Load(yaml, "jaga.yaml", folder, world);
        Assert.True(loaded.Ok, "plan did not load:\n" + string.Join('\n', loaded.Errors) + "\n" + yaml);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var store = await SqliteStateStore.OpenAsync(Path.Combine(folder, "state.db"), clock);
        return new MonitorWorld(folder, loaded.Plan!, store, clock);
    }

    public ScriptedProbe Probe(string check) => probes.TryGetValue(check, out var p) ? p : probes[check] = new ScriptedProbe(Plan.Plan.Monitoring.Checks.Single(c => c.Name == check).Kind);

    /// <summary>Where the monitor opens and closes incidents; none until <see cref="TrackIncidents"/>.</summary>
    public IncidentLog? Incidents { get; private set; }

    /// <summary>A new monitor over the same store, as after a restart of the daemon.</summary>
    public CheckMonitor NewMonitor() => Monitor = new CheckMonitor(Plan, Store, Journal, Alerts, c => Probe(c.Name), Results, Clock) { Incidents = Incidents };

    /// <summary>A new monitor that opens and closes incidents, with a new incident log over the same store (as after a restart).</summary>
    public IncidentLog TrackIncidents()
    {
        Incidents = new IncidentLog(Store.Incidents, Journal, Clock);
        NewMonitor();
        return Incidents;
    }

    /// <summary>Sets the check's probe up or down, runs it once, then moves the clock on by <paramref name="then"/>.</summary>
    public async Task<CheckResult> RunAsync(string check, bool up, TimeSpan? then = null)
    {
        Probe(check).Up = up;
        var result = (await Monitor.RunAsync(Plan.Plan.Monitoring.Checks.Single(c => c.Name == check), CancellationToken.None)).Result;
        Clock.Advance(then ?? TimeSpan.FromSeconds(30));
        return result;
    }

    public string[] LogLines() => File.Exists(Journal.LogPath) ? File.ReadAllLines(Journal.LogPath) : [];

    public async ValueTask DisposeAsync()
    {
        await Results.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
