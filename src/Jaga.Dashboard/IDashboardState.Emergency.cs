using Jaga.Dashboard.Emergency;

namespace Jaga.Dashboard;

/// <summary>The emergency page's part: runbooks, runs, approvals and incidents, read from the reports the CLI prints
/// (<c>jaga runbook show</c>, <c>runbook runs</c>, <c>incident show</c>, <c>status</c>), and its two acts.</summary>
public partial interface IDashboardState
{
    /// <summary>The plan's runbooks, the newest runs with their steps, the runs waiting for approval, and the incidents.</summary>
    Task<EmergencyView> EmergencyAsync(CancellationToken ct);

    /// <summary>The confirmation screen of a run of <paramref name="runbook"/> with <paramref name="parameters"/>: the checked
    /// parameters and the dry run, as <c>jaga runbook run</c> shows them before it asks.</summary>
    Task<RunbookPreview> PreviewRunbookAsync(string runbook, IReadOnlyDictionary<string, string> parameters, CancellationToken ct);

    /// <summary>Starts a run as <c>jaga runbook run --yes</c> does (parameters checked, the review gate passed), by
    /// <paramref name="user"/>; the run is owned by the daemon and goes on after the request.</summary>
    Task<EmergencyAct> RunRunbookAsync(string runbook, IReadOnlyDictionary<string, string> parameters, string user, CancellationToken ct);

    /// <summary>Approves the step run <paramref name="run"/> waits at, as <c>jaga runbook approve RUN --by USER</c> does.</summary>
    Task<EmergencyAct> ApproveRunbookAsync(string run, string user, string? note, CancellationToken ct);
}
