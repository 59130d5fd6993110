using Jaga.Core.Readiness;
using Jaga.Engine.Readiness;

namespace Jaga.Readiness.Tests;

/// <summary>The security-headers probe against a real HTTP server the test starts on loopback.</summary>
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests : IAsyncDisposable
{
    private readonly ReadinessProject project = new();

    private async Task<List<(EvidenceState, string)>> SecurityAsync(string url)
    {
        var plan = project.Load(ReadinessProject.Plan($"checklist: {{ url: \"{url}\" }}"));
        var store = await project.StoreAsync(plan);
        var report = await ReadinessChecklist.GatherAsync(new ReadinessInputs(plan, store, project.Clock, new FoundSecrets()), default);
        var point = report.Points.Single(p => p.Point == ReadinessPoint.Security);
        return [.. point.Evidence.Select(e => (e.State, e.Key))];
    }

    [Fact]
    public async Task An_application_sending_every_header_passes_the_probe()
    {
        await using var app = new HeaderServer(
            ("Strict-Transport-Security", "max-age=31536000; includeSubDomains"), ("Content-Security-Policy", "default-src 'self'"),
            ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"));

        var evidence = await SecurityAsync(app.Url);

        Assert.Equal(1, app.Requests);
        Assert.Equal(
            [
                (EvidenceState.Ok, "cli.checklist.secrets.clean"), (EvidenceState.Ok, "cli.checklist.vuln.none"), (EvidenceState.Ok, "cli.checklist.https.checks"),
                (EvidenceState.Note, "cli.checklist.url.loopback"),
                (EvidenceState.Ok, "cli.checklist.header.ok"), (EvidenceState.Ok, "cli.checklist.header.ok"), (EvidenceState.Ok, "cli.checklist.header.ok"),
                (EvidenceState.Ok, "cli.checklist.header.ok"),
            ],
            evidence);
    }

    [Fact]
    public async Task Each_missing_header_fails_and_frame_ancestors_in_the_csp_stands_for_x_frame_options()
    {
        await using var app = new HeaderServer(("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"), ("X-Content-Type-Options", "sniff"));

        var evidence = await SecurityAsync(app.Url);

        Assert.Equal(2, evidence.Count(e => e == (EvidenceState.Failed, "cli.checklist.header.missing")));
        Assert.Equal(2, evidence.Count(e => e == (EvidenceState.Ok, "cli.checklist.header.ok")));
    }

    [Fact]
    public async Task An_unreachable_url_fails_with_its_reason()
    {
        string url;
        await using (var gone = new HeaderServer()) url = gone.Url;

        Assert.Contains((EvidenceState.Failed, "cli.checklist.headers.unreachable"), await SecurityAsync(url));
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
