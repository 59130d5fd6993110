using System.Text.Json.Nodes;
using Jaga.Cli.Commands;
using Jaga.Cli.Commands.Monitor;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Dashboard;
using Jaga.Dashboard.Overview;
using Jaga.Engine.Journal;

namespace Jaga.Cli.Daemon;

/// <summary>What the dashboard reads from the daemon: the running plan's store, journal, language and zone, and the reports
/// the CLI prints (<see cref="StatusReport"/>, <see cref="CheckReport"/>), read on each request, so every node shows every
/// job whoever ran it. Each page's part lives in DashboardFeed.PAGE.cs.</summary>
internal sealed partial class DashboardFeed(DaemonState state) : IDashboardState
{
    /// <summary>How many of the newest audit entries the log card reads.</summary>
    private const int RecentEntries = 200;

    public IStateStore Store => state.Store;

    public MaintenanceJournal Journal => state.Journal;

    public Catalog Words => Catalog.For(state.Plan.Plan.Language);

    public TimeZoneInfo Zone => state.Plan.Plan.Timezone;

    public string Redact(string text) => state.Plan.Redactor.Redact(text);

    public async Task<JsonObject> StatusAsync(CancellationToken ct) => (await ReportAsync(ct)).Json();

    public async Task<JsonObject> ChecksAsync(CancellationToken ct) =>
        (await CheckReport.LoadAsync(state.Plan, state.Store, null, state.Clock.GetUtcNow(), ct)).Json();

    public async Task<IReadOnlyList<PillarCard>> OverviewAsync(CancellationToken ct)
    {
        var report = await ReportAsync(ct);
        var pending = (await state.Store.Security.PendingAsync(ct)).Count;
        var recent = new List<AuditEntry>();
        if (await state.Store.HeadAsync(ct) is { } head)
            await foreach (var e in state.Store.ReadAsync(Math.Max(1, head.Seq - RecentEntries + 1), ct)) recent.Add(e);
        return OverviewCards.Decide(report, pending, recent, Words);
    }

    private Task<StatusReport> ReportAsync(CancellationToken ct) =>
        StatusReport.LoadAsync(state.Plan, state.Store, state.Scheduler.Jobs, state.Clock.GetUtcNow(), ct);
}
