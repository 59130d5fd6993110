using System.Text.Json.Nodes;

namespace Jaga.Daemon.Tests;

/// <summary>Incidents end to end, as users meet them: <c>jaga run</c> as a real process watches a real HTTP endpoint that
/// flips to 503 and back; the outage opens one incident, the down alert (a real webhook receiver) and the recovery go on its
/// timeline, and the recovery closes it, as <c>jaga incident list --json</c> and <c>show --json</c> tell another process.</summary>
public sealed class IncidentEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task An_outage_opens_one_incident_with_its_failure_alert_and_recovery_in_order_and_the_recovery_closes_it()
    {
        await using var web = await LoopbackHttp.StartAsync();
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: shop
                  http: {{web.Url}}/health
                  every: 1s
                  timeout: 2s
                  expect: ["[STATUS] == 200"]
                  alert: { after: 2, notify: [oncall] }
            notify:
              oncall: { webhook: "{{web.Url}}/hook" }
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Check shop is up:", StringComparison.Ordinal)), Wait, () => daemon.Output);

        web.HealthStatus = 503;
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Alert (down) for shop sent to oncall", StringComparison.Ordinal)), Wait, () => daemon.Output);
        var during = await JsonAsync("incident", "list", "--open", "--json");
        web.HealthStatus = 200;
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal)), Wait, () => daemon.Output);
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Alert (recovery) for shop sent to oncall", StringComparison.Ordinal)), Wait, () => daemon.Output);
        await daemon.TerminateAsync();

        var open = Assert.Single(during["incidents"]!.AsArray())!;
        Assert.Equal(("check:shop", true), ((string?)open["key"], (bool)open["open"]!));
        var list = await JsonAsync("incident", "list", "--json");
        var incident = Assert.Single(list["incidents"]!.AsArray())!;
        Assert.Equal((1L, "check:shop", "Check shop is down", "alert", "jaga"),
            ((long)incident["id"]!, (string?)incident["key"], (string?)incident["title"], (string?)incident["source"], (string?)incident["closed_by"]));
        Assert.False((bool)incident["open"]!);
        Assert.True((double)incident["time_to_recover_s"]! > 0);
        Assert.Equal(1, (int)list["figures"]!["recovered"]!);

        var shown = await JsonAsync("incident", "show", "1", "--json");
        var timeline = shown["timeline"]!.AsArray().Select(e => (Kind: (string)e!["kind"]!, Text: (string)e["text"]!, At: DateTimeOffset.Parse((string)e["at"]!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var kinds = timeline.Select(e => e.Kind).ToList();
        Assert.Equal(["opened", "checkfailed", "alertsent"], kinds.Take(3));
        Assert.Contains("[STATUS] == 200 failed: [STATUS] was 503", timeline[1].Text, StringComparison.Ordinal);
        Assert.Equal("down → oncall (webhook)", timeline[2].Text);
        // The recovery alert is delivered in the background: it may land on the timeline before or after the close.
        Assert.True(kinds.IndexOf("recovered") > 2 && kinds.IndexOf("closed") > kinds.IndexOf("recovered"), string.Join(", ", kinds));
        Assert.True(timeline.FindIndex(e => e.Text == "recovery → oncall (webhook)") > kinds.IndexOf("recovered"), string.Join(", ", kinds));
        Assert.Single(timeline, e => e.Text == "recovery → oncall (webhook)");
        Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));

        var log = project.LogLines();
        Assert.Single(log, l => l.Contains("[WARN] Incident #1 opened: Check shop is down (check:shop)", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("[INFO] Incident #1 closed by jaga after ", StringComparison.Ordinal));
        var md = await project.JagaAsync("incident", "show", "1", "--format", "md");
        Assert.True(md.ExitCode == 0, md.Output);
        Assert.Contains("## Timeline", md.Output, StringComparison.Ordinal);
        var verify = await project.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    private async Task<JsonNode> JsonAsync(params string[] args)
    {
        var r = await project.JagaAsync(args);
        Assert.True(r.ExitCode == 0, r.Output);
        return JsonNode.Parse(r.Output[r.Output.IndexOf('{', StringComparison.Ordinal)..])!;
    }
}
