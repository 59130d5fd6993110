using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Pipeline;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Cli.Composition;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The backup engine over a workspace's plan and state store, built as <c>BackupSession</c> builds it,
/// but with retries a few milliseconds apart so that a destination that is down fails a test quickly.</summary>
public sealed class EngineSession : IAsyncDisposable
{
    private readonly IStateStore store;

    private EngineSession(LoadedPlan plan, IStateStore store)
    {
        this.store = store;
        var journal = new MaintenanceJournal(store, plan, TimeProvider.System, "fault-test") { Waits = TimeProvider.System };
        Services = new BackupServices(plan, store.Backups, journal, TimeProvider.System, new BackupConnectors(plan, CompositionRoot.Adapters, TimeProvider.System),
            new DestinationRetry(3, TimeSpan.FromMilliseconds(50), TimeProvider.System, (d, attempt, _) => Retries.Add($"{d}#{attempt}")));
    }

    public BackupServices Services { get; }

    public IBackupCatalog Catalog => Services.Catalog;

    /// <summary>Every retry the policy made: "destination#attempt".</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Retries { get; } = [];

    public static async Task<EngineSession> OpenAsync(string planPath)
    {
        var loaded = PlanFile.Load(planPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        return new EngineSession(loaded.Plan!, await CompositionRoot.OpenStoreAsync(loaded.Plan!, TimeProvider.System));
    }

    public Task<BackupRunResult> RunAsync(string job, CancellationToken ct = default) => new BackupRunner(Services).RunAsync(Services.Plan.Plan.Backup.Single(j => j.Name == job), ct: ct);

    public async ValueTask DisposeAsync() => await store.DisposeAsync();
}
