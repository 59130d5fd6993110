using Jaga.Engine.Updates;

namespace Jaga.Dashboard;

/// <summary>The updates page's part: the update pillar as it was recorded.</summary>
public partial interface IDashboardState
{
    /// <summary>The last audit, its vulnerable packages and update plan, the updates applied and rolled back, the pending
    /// security findings and the changes awaiting review; read from the store and the kept audit, never a live audit.</summary>
    Task<UpdatesReport> UpdatesAsync(CancellationToken ct);
}
