using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>Retention at a local folder, an SFTP server and an S3 store: after each run, and by <c>jaga backup prune</c>.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class RetentionTests(PostgresServer pg, SshServer ssh, SwiftServer swift)
{
    [Fact]
    public async Task Each_run_prunes_beyond_keep_last_2_at_every_destination_and_prune_never_removes_the_newest_verified()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var remote = await RemoteDestinations.CreateAsync(ssh, swift);
        string Plan(int last) => Plans.Of(remote.Yaml, Plans.PostgresJob("local, sftp, s3", $"keep: {{ last: {last} }}"));
        using var ws = new BackupWorkspace(Plan(2), $"DATABASE_URL={db.Url}\n{remote.Env}");

        for (var day = 15; day <= 18; day++)
        {
            await ws.Ok("backup", "run");
            var expected = Enumerable.Range(Math.Max(15, day - 1), Math.Min(2, day - 14)).Select(d => $"db_2025-11-{d}.sql.zst").ToList();
            await AssertHeldEverywhereAsync(ws, remote, expected);
            Assert.Equal(expected.AsEnumerable().Reverse(), Listed(await ws.Ok("backup", "list", "--json")).Select(b => b.Artifact));
            ws.Clock.Advance(TimeSpan.FromDays(1));
        }
        Assert.Contains("Backup dihapus oleh retensi dari sftp:", File.ReadAllText(ws.LogPath));

        // Policy tightened to last: 1: the dry run shows 17 to go, with the reasons, and deletes nothing.
        File.WriteAllText(ws.PlanPath, Plan(1));
        var dry = await ws.Ok("backup", "prune", "--dry-run");
        Assert.Contains("remove", dry.Out);
        Assert.Contains("no rule of keep { last: 1 } keeps it", dry.Out);
        Assert.Contains("keep", dry.Out);
        var decisions = JsonNode.Parse((await ws.Ok("backup", "prune", "--dry-run", "--json")).Out)!.AsArray();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(["keep", "remove"], d!["decisions"]!.AsArray().Select(x => (string?)x!["action"])));
        Assert.All(decisions, d => Assert.NotEmpty(d!["decisions"]![0]!["reasons"]!.AsArray()));
        await AssertHeldEverywhereAsync(ws, remote, ["db_2025-11-17.sql.zst", "db_2025-11-18.sql.zst"]);

        var unasked = await ws.Jaga("backup", "prune");
        Assert.True(unasked.Code == 2, unasked.ToString());
        Assert.Contains("--yes", unasked.Err);
        await AssertHeldEverywhereAsync(ws, remote, ["db_2025-11-17.sql.zst", "db_2025-11-18.sql.zst"]);

        // The older one verified: as the newest verified backup, prune keeps it although last: 1 would not.
        var older = Listed(await ws.Ok("backup", "list", "--json")).Single(b => b.Artifact == "db_2025-11-17.sql.zst");
        await ws.Ok("backup", "verify", older.Id);
        var kept = JsonNode.Parse((await ws.Ok("backup", "prune", "--dry-run", "--json")).Out)!.AsArray();
        Assert.All(kept, d => Assert.All(d!["decisions"]!.AsArray(), x => Assert.Equal("keep", (string?)x!["action"])));
        await ws.Ok("backup", "prune", "--yes");
        await AssertHeldEverywhereAsync(ws, remote, ["db_2025-11-17.sql.zst", "db_2025-11-18.sql.zst"]);

        // The next run keeps the new one and the verified one; the unverified 18th goes everywhere.
        await ws.Ok("backup", "run");
        await AssertHeldEverywhereAsync(ws, remote, ["db_2025-11-17.sql.zst", "db_2025-11-19.sql.zst"]);
        Assert.Equal(["db_2025-11-19.sql.zst", "db_2025-11-17.sql.zst"], Listed(await ws.Ok("backup", "list", "--json")).Select(b => b.Artifact));
        Assert.DoesNotContain(db.Password, ws.Everything, StringComparison.Ordinal);
    }

    private static List<(string Id, string Artifact)> Listed(JagaRun list) =>
        [.. JsonNode.Parse(list.Out)!.AsArray().Select(b => ((string)b!["id"]!, (string)b["artifact"]!))];

    /// <summary>Exactly these artifacts, each with its manifest, at the local folder, the SFTP folder and the bucket.</summary>
    private static async Task AssertHeldEverywhereAsync(BackupWorkspace ws, RemoteDestinations remote, IEnumerable<string> artifacts)
    {
        var expected = artifacts.SelectMany(a => new[] { a, a + ".manifest.json" }).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Directory.GetFiles(ws.LocalBackups).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Equal(expected, remote.SftpNames());
        Assert.Equal(expected, await remote.S3NamesAsync());
    }
}
