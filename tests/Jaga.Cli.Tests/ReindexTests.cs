using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga backup reindex</c> reads the destinations jobs write to: an unused, unreachable one (an offsite store
/// not set up yet, as in the example plan) is named, not retried, and does not fail the reindex.</summary>
public sealed class ReindexTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: UTC
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
          offsite: { s3: s3://nowhere/jaga, endpoint: "http://127.0.0.1:9", path_style: true, access_key: a, secret_key: b }
        backup:
          - { name: uploads, source: { files: [uploads/] }, every: 1h, to: [local] }
        """;

    [Fact]
    public async Task An_unused_unreachable_destination_is_named_and_the_reindex_succeeds()
    {
        using var ws = new Workspace(Plan, "");
        Directory.CreateDirectory(Path.Combine(ws.Dir, "uploads"));
        File.WriteAllText(Path.Combine(ws.Dir, "uploads", "a.txt"), "foto");
        Assert.Equal(0, (await ws.Jaga("backup", "run", "uploads")).Code);
        File.Delete(ws.StatePath);

        var clock = Stopwatch.StartNew();
        var r = await ws.Jaga("backup", "reindex", "--json");

        Assert.True(r.Code == 0, r.ToString());
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal(1, (int)json["found"]!);
        Assert.Equal("offsite", (string?)json["unused"]![0]);
        Assert.Empty(json["unreachable"]!.AsObject());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var text = await ws.Jaga("backup", "reindex");
        Assert.Contains("offsite not read: no backup job writes there", text.Err, StringComparison.Ordinal);
    }
}
