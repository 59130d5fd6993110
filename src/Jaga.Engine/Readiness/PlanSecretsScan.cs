using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Secrets;

namespace Jaga.Engine.Readiness;

/// <summary>The readiness checklist's secrets scan: <c>jaga secrets scan</c>'s working-tree scan with the plan's rules and
/// allowlists.</summary>
public sealed class PlanSecretsScan(LoadedPlan plan) : ISecretsScan
{
    public async Task<SecretsScanSummary> ScanAsync(string root, CancellationToken ct)
    {
        var report = await SecretsScan.RunAsync(root, SecretsPlan.Options(plan), ct);
        return new(report.Findings.Count, [.. report.Findings.Take(5).Select(f => $"{f.Path}:{f.Line} ({f.RuleId})")]);
    }
}
