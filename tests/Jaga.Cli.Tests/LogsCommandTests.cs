using Jaga.Core.LogRetention;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga logs prune</c> end to end, and <c>jaga audit verify</c> over a rotated, compressed and pruned maintenance log.</summary>
public sealed class LogsCommandTests : IDisposable
{
    private const string Plan = """
        version: 1
        project: toko
        language: id
        log:
          file: logs/maintenance.log
          rotate: { max_size: 2KB, count: 2, compress: zstd }
        monitoring:
          logs:
            - { path: app/*.log*, max_size: 1KB, count: 1, compress: gzip }
        """;

    private readonly Workspace ws = new(Plan);

    private string App(string name) => Path.Combine(ws.Dir, "app", name);

    [Fact]
    public async Task Dry_run_prints_every_action_with_its_reason_and_changes_nothing()
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "app"));
        File.WriteAllText(App("web.log"), new string('x', 5000));
        File.WriteAllText(App(RotatedName.Format("web.log", ws.Clock.GetUtcNow().AddDays(-1))), "old\n");
        var r = await ws.Jaga("logs", "prune", "--dry-run");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("would rotate app/web.log -> app/web.log.", r.Out, StringComparison.Ordinal);
        Assert.Contains("> max_size 1 KB", r.Out, StringComparison.Ordinal);
        Assert.Contains("would delete app/web.log.", r.Out, StringComparison.Ordinal);
        Assert.Contains("count 1: the 2nd newest", r.Out, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(ws.Dir, "app")).Length);
        Assert.False(File.Exists(ws.LogPath));
    }

    [Fact]
    public async Task Real_run_applies_logs_and_reports_in_json()
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "app"));
        File.WriteAllText(App("web.log"), new string('x', 5000));
        var r = await ws.Jaga("logs", "prune", "--json");
        Assert.True(r.Code == 0, r.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(r.Out)!;
        Assert.False(json["dry_run"]!.GetValue<bool>());
        var actions = json["rules"]![0]!["actions"]!.AsArray();
        Assert.Equal(["rotate", "compress"], actions.Select(a => a!["action"]!.GetValue<string>()));
        Assert.Contains(File.ReadAllLines(ws.LogPath), l => l.Contains("Log dirotasi: app/web.log", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.Combine(ws.Dir, "app"), "*.gz"));
    }

    [Fact]
    public async Task Audit_verify_follows_the_rotated_compressed_maintenance_log_and_accepts_pruned_parts()
    {
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 15; i++)
                Assert.Equal(0, (await ws.Jaga("log", "add", "--by", "rina", $"Pekerjaan maintenance nomor {round}-{i}")).Code);
            var prune = await ws.Jaga("logs", "prune");
            Assert.True(prune.Code == 0, prune.ToString());
            var verify = await ws.Jaga("audit", "verify");
            Assert.True(verify.Code == 0, $"round {round}: {verify}");
        }
        var parts = Directory.GetFiles(Path.GetDirectoryName(ws.LogPath)!, "maintenance.log.*").Where(p => p != ws.LogPath).ToList();
        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.EndsWith(".zst", p, StringComparison.Ordinal));
        var last = await ws.Jaga("audit", "verify");
        Assert.Contains("pruned by log retention", last.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_part_removed_outside_jaga_is_reported_as_deleted_lines()
    {
        using var unpruned = new Workspace(Plan.Replace("count: 2, ", "", StringComparison.Ordinal));
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 15; i++) Assert.Equal(0, (await unpruned.Jaga("log", "add", $"Pekerjaan {round}-{i}")).Code);
            Assert.Equal(0, (await unpruned.Jaga("logs", "prune")).Code);
        }
        Assert.Equal(0, (await unpruned.Jaga("audit", "verify")).Code);
        var oldest = Directory.GetFiles(Path.GetDirectoryName(unpruned.LogPath)!, "maintenance.log.*").Where(p => p != unpruned.LogPath).Order(StringComparer.Ordinal).First();
        File.Delete(oldest);
        var r = await unpruned.Jaga("audit", "verify");
        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("records no pruning", r.Out + r.Err, StringComparison.Ordinal);
    }

    public void Dispose() => ws.Dispose();
}
