using System.Text.Json.Nodes;

namespace Jaga.Cli.Tests;

/// <summary>A backup job that fails opens its incident (<c>backup:JOB</c>) with the failure on the timeline; the next failure
/// adds to it, and the next success closes it.</summary>
public sealed class BackupIncidentTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: UTC
        language: en
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - { name: uploads, source: { files: [uploads/] }, every: 1h, to: [local] }
        """;

    [Fact]
    public async Task A_failing_backup_opens_its_incident_a_second_failure_adds_to_it_and_the_next_success_closes_it()
    {
        using var ws = new Workspace(Plan, "");
        Directory.CreateDirectory(Path.Combine(ws.Dir, "uploads"));
        File.WriteAllText(Path.Combine(ws.Dir, "uploads", "a.txt"), "foto");
        var blocker = Path.Combine(ws.Dir, "backup");
        File.WriteAllText(blocker, "a file where the destination's folder should be");

        var first = await ws.Jaga("backup", "run", "uploads");
        var second = await ws.Jaga("backup", "run", "uploads");
        var open = JsonNode.Parse((await ws.Jaga("incident", "list", "--open", "--json")).Out)!["incidents"]!.AsArray();
        File.Delete(blocker);
        var third = await ws.Jaga("backup", "run", "uploads");
        var shown = JsonNode.Parse((await ws.Jaga("incident", "show", "1", "--json")).Out)!;

        Assert.NotEqual(0, first.Code);
        Assert.NotEqual(0, second.Code);
        Assert.True(third.Code == 0, third.ToString());
        var incident = Assert.Single(open)!;
        Assert.Equal(("backup:uploads", "Backup uploads failed"), ((string?)incident["key"], (string?)incident["title"]));
        Assert.Equal("jaga", (string?)shown["closed_by"]);
        Assert.Equal(["opened", "backupfailed", "backupfailed", "recovered", "closed"],
            shown["timeline"]!.AsArray().Select(e => (string?)e!["kind"]));
        var lines = File.ReadAllLines(ws.LogPath);
        Assert.Single(lines, l => l.Contains("Incident #1 opened: Backup uploads failed (backup:uploads)", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal));
    }
}
