using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>Restoring an encrypted PostgreSQL backup: with the reference tools alone, and with <c>jaga backup restore</c>.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class RestoreTests(PostgresServer pg)
{
    private const string Artifact = "db_2025-11-15.sql.zst.age";

    [Fact]
    public async Task Local_artifact_restores_with_only_age_zstd_and_psql_to_the_manifest_row_counts()
    {
        var (ws, key, _) = await BackedUpAsync();
        using var _ws = ws;
        var fresh = await SampleDatabase.CreateAsync(pg);
        var file = Path.Combine(ws.LocalBackups, Artifact);

        var restored = await ReferenceTools.BashAsync(
            $"age -d -i {ReferenceTools.Quote(key)} {ReferenceTools.Quote(file)} | zstd -d | psql -X -q -v ON_ERROR_STOP=1 {ReferenceTools.Quote(fresh.Url)}");

        Assert.True(restored.ExitCode == 0, restored.Output);
        var manifest = ReferenceTools.ManifestTables(file + ".manifest.json");
        Assert.Equal(SampleDatabase.SeededCounts, manifest);
        Assert.Equal(manifest, await fresh.CountsAsync());
    }

    [Fact]
    public async Task Restore_into_an_empty_database_brings_back_every_row()
    {
        var (ws, _, id) = await BackedUpAsync();
        using var _ws = ws;
        var fresh = await SampleDatabase.CreateAsync(pg);

        var r = await ws.Ok("backup", "restore", id, "--into", fresh.Url, "--yes");

        Assert.Equal(SampleDatabase.SeededCounts, await fresh.CountsAsync());
        Assert.Contains(Artifact, File.ReadAllText(ws.LogPath));
        Assert.DoesNotContain(fresh.Password, ws.Everything, StringComparison.Ordinal);
        Assert.NotEmpty(r.Out);
    }

    [Fact]
    public async Task Restore_into_a_database_that_is_not_empty_exits_2_without_force_and_changes_nothing()
    {
        var (ws, _, id) = await BackedUpAsync();
        using var _ws = ws;
        var target = await SampleDatabase.CreateAsync(pg);
        await target.ExecuteAsync("CREATE TABLE catatan (id int); INSERT INTO catatan VALUES (1), (2);");

        var refused = await ws.Jaga("backup", "restore", id, "--into", target.Url, "--yes");

        Assert.True(refused.Code == 2, refused.ToString());
        Assert.Contains("--force", refused.Err);
        Assert.Contains("public.catatan (2 rows)", refused.Out + refused.Err);
        Assert.Equal(new Dictionary<string, long> { ["public.catatan"] = 2 }, await target.CountsAsync());
    }

    [Fact]
    public async Task Restore_with_force_overwrites_a_database_that_is_not_empty()
    {
        var (ws, _, id) = await BackedUpAsync();
        using var _ws = ws;
        var target = await SampleDatabase.CreateAsync(pg);
        await ws.Ok("backup", "restore", id, "--into", target.Url, "--yes");
        await target.ExecuteAsync("DELETE FROM orders WHERE id > 2; INSERT INTO customers (name) VALUES ('Tamu'); CREATE TABLE catatan (id int);");

        var forced = await ws.Jaga("backup", "restore", id, "--into", target.Url, "--force", "--yes");

        Assert.True(forced.Code == 0, forced.ToString());
        var counts = await target.CountsAsync();
        foreach (var (table, rows) in SampleDatabase.SeededCounts) Assert.Equal(rows, counts[table]);
    }

    /// <summary>A workspace with one encrypted, compressed backup of a seeded database at a local folder: its key file and id.</summary>
    private async Task<(BackupWorkspace Ws, string Key, string Id)> BackedUpAsync()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var keys = Directory.CreateTempSubdirectory("jaga-age-").FullName;
        var (key, recipient) = await ReferenceTools.AgeKeyAsync(keys);
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{recipient}], identity: {key} }}"));
        var ws = new BackupWorkspace(plan, $"DATABASE_URL={db.Url}\n");
        await ws.Ok("backup", "run");
        var id = (string)JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray()[0]!["id"]!;
        return (ws, key, id);
    }
}
