using Jaga.Engine.Audit;

namespace Jaga.Cli.Daemon;

/// <summary>The log page's part of the feed: the verification <c>jaga audit verify</c> runs (<see cref="PlanVerification"/>).</summary>
internal sealed partial class DashboardFeed
{
    public Task<AuditReport> VerifyChainAsync(string user, CancellationToken ct) =>
        PlanVerification.RunAsync(state.Plan, state.Journal, by: user, ct: ct);
}
