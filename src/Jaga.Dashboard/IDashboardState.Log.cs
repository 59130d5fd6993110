using Jaga.Engine.Audit;

namespace Jaga.Dashboard;

/// <summary>The log page's part: the page reads the log with <see cref="IDashboardState.Store"/>'s
/// <c>QueryAsync</c>, as <c>jaga log</c> does, and verifies the chain as <c>jaga audit verify</c> does.</summary>
public partial interface IDashboardState
{
    /// <summary><c>jaga audit verify</c> with the plan's key and this node's log file, its outcome recorded in the log and
    /// the chain with <paramref name="user"/> as the actor.</summary>
    Task<AuditReport> VerifyChainAsync(string user, CancellationToken ct);
}
