using Jaga.Cli.Composition;
using Jaga.Core.Emergency;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Runbooks;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>The runbook executor over a real plan and SQLite state store in a temp folder, wired as <c>jaga runbook run</c>
/// wires it (the composition root), on the real clock: the steps start real processes. Approvals are polled every 100 ms.</summary>
internal sealed class RunbookWorld : IAsyncDisposable
{
    private readonly PlanServices services;
    private bool keepDir;

    private RunbookWorld(string dir, LoadedPlan plan, IStateStore store, MaintenanceJournal journal, PlanServices services, string node)
    {
        Dir = dir;
        Plan = plan;
        Store = store;
        Journal = journal;
        this.services = services;
        Services = services.Runbooks(node) with { Poll = TimeSpan.FromMilliseconds(100), Grace = TimeSpan.FromSeconds(2) };
    }

    public string Dir { get; }

    public LoadedPlan Plan { get; }

    public IStateStore Store { get; }

    public MaintenanceJournal Journal { get; }

    public RunbookServices Services { get; }

    public RunbookExecutor Executor => new(Services);

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    /// <summary>Another process driving runs over the same plan and state (a second node on a shared store).</summary>
    public async Task<RunbookWorld> OtherNodeAsync(string node)
    {
        var store = await CompositionRoot.OpenStoreAsync(Plan, TimeProvider.System);
        var journal = new MaintenanceJournal(store, Plan, TimeProvider.System, "tester") { Waits = TimeProvider.System };
        var services = CompositionRoot.Compose(Plan, store, journal, TimeProvider.System, TimeProvider.System, RunMode.Command);
        return new RunbookWorld(Dir, Plan, store, journal, services, node) { keepDir = true };
    }

    /// <summary>A plan with <paramref name="runbooks"/> (the items of <c>emergency.runbooks</c>, indented by four), a
    /// lease of <paramref name="lease"/> and other top-level <paramref name="sections"/>; <paramref name="env"/> is its <c>.env</c>.</summary>
    public static async Task<RunbookWorld> CreateAsync(string runbooks, string env = "", string lease = "3s", string node = "node-a", string sections = "")
    {
        var dir = Directory.CreateTempSubdirectory("jaga-runbook-").FullName;
        var text = $"""
            version: 1
            project: toko
            timezone: UTC
            language: en
            env_files: [.env]
            log: {"{"} file: logs/maintenance.log {"}"}
            scheduler: {"{"} lease: {lease} {"}"}
            {sections}
            emergency:
              runbooks:
            {runbooks}
            """;
        var path = Path.Combine(dir, "jaga.yaml");
        await System.IO.File.WriteAllTextAsync(path, text);
        await System.IO.File.WriteAllTextAsync(Path.Combine(dir, ".env"), env);
        var loaded = PlanFile.Load(path);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        var store = await CompositionRoot.OpenStoreAsync(plan, TimeProvider.System);
        var journal = new MaintenanceJournal(store, plan, TimeProvider.System, "tester") { Waits = TimeProvider.System };
        var services = CompositionRoot.Compose(plan, store, journal, TimeProvider.System, TimeProvider.System, RunMode.Command);
        return new RunbookWorld(dir, plan, store, journal, services, node);
    }

    public Runbook Runbook(string name) => Plan.Plan.Emergency.Runbooks.Single(r => r.Name == name);

    public Task<RunbookOutcome> RunAsync(string name, IReadOnlyDictionary<string, string>? given = null, RunbookListener? listener = null, CancellationToken ct = default)
    {
        var runbook = Runbook(name);
        var check = RunbookParameters.Check(runbook, given ?? new Dictionary<string, string>());
        Assert.True(check.Ok);
        return Executor.StartAsync(runbook, check.Values, "manual", "tester", null, listener, ct);
    }

    public string File(string name) => Path.Combine(Dir, name);

    public string Read(string name) => System.IO.File.Exists(File(name)) ? System.IO.File.ReadAllText(File(name)) : "";

    public string[] LogLines() => System.IO.File.Exists(LogPath) ? System.IO.File.ReadAllLines(LogPath) : [];

    public async Task<List<AuditEntry>> AuditAsync()
    {
        var all = new List<AuditEntry>();
        await foreach (var e in Store.ReadAsync()) all.Add(e);
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (keepDir) return;
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
