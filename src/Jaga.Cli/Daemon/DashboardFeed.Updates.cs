using Jaga.Engine.Updates;

namespace Jaga.Cli.Daemon;

internal sealed partial class DashboardFeed
{
    public Task<UpdatesReport> UpdatesAsync(CancellationToken ct) => UpdatesReport.LoadAsync(state.Plan, state.Store, ct);
}
