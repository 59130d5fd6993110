using System.Net;
using Jaga.Core.Plan;
using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>Point 5, security hardening: the secrets scan clean, no vulnerable dependency or OS package pending, HTTPS on the
/// monitored endpoints and on <c>checklist.url</c>, and its security headers. The rest (input validation, encryption, rate
/// limiting, audit logs) a person acknowledges.</summary>
internal static class SecurityEvidence
{
    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, SecretsEvidence secrets, CancellationToken ct)
    {
        var found = new List<Evidence> { secrets.Evidence, await DependencyEvidence.VulnerableAsync(inputs, null, ct) };
        var plain = inputs.Plan.Plan.Monitoring.Checks.OfType<HttpCheck>()
            .Where(c => c.Http.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !Loopback(c.Http)).Select(c => c.Name).ToList();
        found.Add(plain.Count == 0 ? Evidence.Ok("cli.checklist.https.checks") : Evidence.Failed("cli.checklist.https.plain", string.Join(", ", plain)));
        if (inputs.Plan.Plan.Checklist.Url is not { } url)
        {
            found.Add(Evidence.Failed("cli.checklist.url.none"));
            return found;
        }
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            found.Add(Loopback(url) ? Evidence.Note("cli.checklist.url.loopback", url) : Evidence.Failed("cli.checklist.url.plain", url));
        found.AddRange(await SecurityHeaders.ProbeAsync(url, inputs.Http, ct));
        return found;
    }

    private static bool Loopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.IsLoopback || (IPAddress.TryParse(u.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
