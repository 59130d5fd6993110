using System.Text.Json.Nodes;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga monitor status NAME</c> shows one check, and the p95 says whether it was estimated from hourly
/// histograms or read from raw results.</summary>
public sealed class MonitorStatusOneCheckTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: UTC
        log: { file: logs/maintenance.log }
        monitoring:
          checks:
            - { name: ok, command: "echo fine; exit 0", every: 1m }
            - { name: broken, command: "echo no; exit 2", every: 1m }
        """;

    [Fact]
    public async Task One_check_by_name_with_its_p95_flagged_exact()
    {
        using var ws = new Workspace(Plan, "");
        await ws.Jaga("monitor", "check");

        var one = await ws.Jaga("monitor", "status", "ok", "--json");
        var table = await ws.Jaga("monitor", "status", "ok");

        Assert.True(one.Code == 0, one.ToString());
        var check = Assert.Single(JsonNode.Parse(one.Out)!["checks"]!.AsArray())!;
        Assert.Equal("ok", (string?)check["name"]);
        Assert.False((bool)check["p95_estimated"]!);
        Assert.True(table.Code == 0, table.ToString());
        Assert.DoesNotContain("broken", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_check_is_exit_2_with_the_known_ones()
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga("monitor", "status", "nope");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("no check named 'nope' in the plan", r.Err, StringComparison.Ordinal);
        Assert.Contains("known checks: ok, broken", r.Err, StringComparison.Ordinal);
    }
}
