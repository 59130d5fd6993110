using Jaga.Dashboard.Monitoring;

namespace Jaga.Dashboard;

/// <summary>The Monitoring page and the public status page.</summary>
public partial interface IDashboardState
{
    /// <summary>Page <paramref name="page"/> (from 1; the last when beyond it) of the checks, each with its state and since
    /// when, latest reason, 90 days of uptime and response times; every check's state counted; and this machine's host
    /// gauges: the rows of <c>jaga monitor status</c>, read in a fixed number of queries whatever the number of checks.</summary>
    Task<MonitoringView> MonitoringAsync(int page, CancellationToken ct);

    /// <summary>True when the plan says <c>dashboard.status_page: true</c> (read on each request, so a reload applies).</summary>
    bool StatusPage { get; }

    /// <summary>Each check's name, state and uptime bars for <c>/status</c>, and nothing else (no target, condition or
    /// output: the page is public); those down first, in the Monitoring page's order.</summary>
    Task<IReadOnlyList<PublicCheck>> PublicStatusAsync(CancellationToken ct);
}
