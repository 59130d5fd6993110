using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine;
using Jaga.Engine.Journal;
using Jaga.Engine.Readiness;
using Jaga.Engine.Scheduling;
using Jaga.Mysql;
using Jaga.NuGet;
using Jaga.Postgres;
using Jaga.S3;
using Jaga.Sftp;
using Jaga.Smtp;
using Jaga.Sqlite;
using Jaga.Sqlite.Advisories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jaga.Cli.Composition;

/// <summary>The one place where adapters are chosen and the pillars wired. The daemon, a plan reload, <c>run --once</c>
/// and every command get their parts from here, so a new kind of destination, source, store or check adapter is one
/// line in <see cref="Adapters"/>.</summary>
public static class CompositionRoot
{
    /// <summary>Which adapter serves each kind the plan can name. SQLite comes last among the stores: it takes every
    /// <c>state:</c> that is not a URL.</summary>
    public static AdapterSet Adapters { get; } = new AdapterSet()
        .AddBuiltIn()
        .AddS3()
        .AddSftp()
        .AddPostgres()
        .AddMysql()
        .AddNuGet()
        .AddSqlite()
        .AddSmtp();

    public static Task<IStateStore> OpenStoreAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct = default) =>
        Adapters.OpenStoreAsync(plan, clock, ct);

    /// <summary>The secrets scan the readiness checklist asks (points 1 and 5): <c>jaga secrets scan</c>'s, with the plan's
    /// rules and allowlists.</summary>
    public static ISecretsScan SecretsScan(LoadedPlan plan) => new PlanSecretsScan(plan);

    /// <summary>The plan's local advisory database (<see cref="AdvisoryDatabasePath"/>): a SQLite file of this machine, also
    /// when the state store is shared.</summary>
    public static async Task<IAdvisoryStore> OpenAdvisoriesAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct = default) =>
        await SqliteAdvisoryDatabase.OpenAsync(AdvisoryDatabasePath.For(plan), clock, ct);

    /// <summary>The services of one plan over an open store and journal, for what <paramref name="mode"/> needs.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="store">The open state store.</param>
    /// <param name="journal">The journal every act is recorded through.</param>
    /// <param name="clock">The plan's time.</param>
    /// <param name="realTime">The time of pauses that wait for the world (a server, the kernel), real even under a test's clock.</param>
    /// <param name="mode">What the process does, which decides the parts it needs.</param>
    /// <param name="logger">The process's log, for trouble outside the maintenance log.</param>
    /// <param name="backup">What a backup command adds.</param>
    internal static PlanServices Compose(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, TimeProvider realTime, RunMode mode, ILogger? logger = null,
        BackupOptions? backup = null) =>
        new(plan, store, journal, clock, realTime, mode, Adapters, logger ?? NullLogger.Instance, backup ?? new BackupOptions());

    /// <summary>A scheduler for this node over the store's job ledger, with the plan's settings.</summary>
    internal static Scheduler NewScheduler(LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, ILogger? logger = null)
    {
        var settings = plan.Plan.Scheduler;
        var options = new SchedulerOptions(NodeId.New(journal.Node), plan.Plan.Timezone, settings.Concurrency, settings.Lease, settings.ShutdownTimeout)
        {
            LocalStore = !store.Shared,
            GatherEnds = TimeSpan.FromSeconds(1),
        };
        return new Scheduler(store.Runs, store.Nodes, journal, options, clock, logger ?? NullLogger.Instance) { PlanSha256 = plan.Sha256 };
    }
}
