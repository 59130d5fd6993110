using Jaga.Core.Ports;
using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>The secrets scan, run once for points 1 and 5.</summary>
internal sealed record SecretsEvidence(Evidence Evidence)
{
    public static async Task<SecretsEvidence> ScanAsync(ISecretsScan? scan, string root, CancellationToken ct)
    {
        if (scan is null) return new(Evidence.Failed("cli.checklist.secrets.unavailable"));
        var summary = await scan.ScanAsync(root, ct);
        return new(summary.Findings == 0
            ? Evidence.Ok("cli.checklist.secrets.clean")
            : Evidence.Failed("cli.checklist.secrets.found", summary.Findings, string.Join(", ", summary.Where.Take(5))));
    }
}
