using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>One PostgreSQL job, encrypted to an age recipient, to a local folder, an SFTP server and an S3 store at once.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ThreeDestinationTests(PostgresServer pg, SshServer ssh, SwiftServer swift)
{
    private const string Artifact = "db_2025-11-15.sql.zst.age";
    private const string Manifest = Artifact + ".manifest.json";

    [Fact]
    public async Task Encrypted_backup_lands_byte_identical_with_a_manifest_at_local_sftp_and_s3_and_passes_a_test_restore()
    {
        var (ws, remote, db) = await SetUpAsync();
        using var _ = ws;

        var run = await ws.Ok("backup", "run");

        var line = $"Backup database selesai: backup/{Artifact}, {remote.SftpUrl}/{Artifact}, {remote.S3Url}/{Artifact}";
        Assert.Contains(line, run.Out);
        Assert.Contains("[INFO] " + line, File.ReadAllText(ws.LogPath));
        var local = RemoteDestinations.FileSha256(Path.Combine(ws.LocalBackups, Artifact));
        Assert.Equal(local, remote.SftpSha256(Artifact));
        Assert.Equal(local, await remote.S3Sha256Async(Artifact));
        Assert.Equal([Artifact, Manifest], Directory.GetFiles(ws.LocalBackups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([Artifact, Manifest], remote.SftpNames());
        Assert.Equal([Artifact, Manifest], await remote.S3NamesAsync());
        Assert.Equal(SampleDatabase.SeededCounts, ReferenceTools.ManifestTables(Path.Combine(ws.LocalBackups, Manifest)));
        Assert.StartsWith("age-encryption.org/v1\n-> X25519 ", File.ReadAllText(Path.Combine(ws.LocalBackups, Artifact))[..40], StringComparison.Ordinal);

        var list = JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray();
        var backup = Assert.Single(list)!;
        Assert.Equal(Artifact, (string?)backup["artifact"]);
        Assert.Equal(local, (string?)backup["sha256"]);
        Assert.Equal(["local", "sftp", "s3"], backup["copies"]!.AsArray().Select(c => (string?)c!["destination"]));
        Assert.All(backup["copies"]!.AsArray(), c => Assert.Equal("stored", (string?)c!["state"]));

        var before = await SampleDatabase.AllAsync(pg);
        var verify = await ws.Ok("backup", "verify", "--latest", "--restore");
        Assert.Contains("SHA-256 cocok di local, sftp, s3", verify.Out);
        Assert.Contains("jumlah baris 3 tabel cocok dengan manifest", verify.Out);
        Assert.Equal(before, await SampleDatabase.AllAsync(pg));
        Assert.DoesNotContain(before, d => d.StartsWith("jaga_verify_", StringComparison.Ordinal));
        var verified = Assert.Single(JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray())!;
        Assert.Equal("ok", (string?)verified["verify_result"]);

        AssertNoSecret(ws, db);
    }

    [Fact]
    public async Task Reindex_after_losing_the_state_store_lists_the_same_backups_with_the_same_sizes()
    {
        var (ws, remote, db) = await SetUpAsync();
        using var _ = ws;
        await ws.Ok("backup", "run");
        ws.Clock.Advance(TimeSpan.FromDays(1));
        await ws.Ok("backup", "run");
        var before = Summary((await ws.Ok("backup", "list", "--json")).Out);
        Assert.Equal(2, before.Count);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(ws.StatePath)!, "state.db*")) File.Delete(f);
        Assert.Empty(JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray());
        var reindex = await ws.Ok("backup", "reindex");

        Assert.Equal(before, Summary((await ws.Ok("backup", "list", "--json")).Out));
        Assert.Contains("2", reindex.Out);
        AssertNoSecret(ws, db);
    }

    private async Task<(BackupWorkspace Ws, RemoteDestinations Remote, SampleDatabase Db)> SetUpAsync()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var remote = await RemoteDestinations.CreateAsync(ssh, swift);
        var keys = Directory.CreateTempSubdirectory("jaga-age-").FullName;
        var (keyFile, recipient) = await ReferenceTools.AgeKeyAsync(keys);
        var plan = Plans.Of(remote.Yaml, Plans.PostgresJob("local, sftp, s3",
            $"encrypt: {{ recipients: [{recipient}], identity: {keyFile} }}",
            "verify: { restore_into: \"${VERIFY_URL}\" }"));
        var env = $"DATABASE_URL={db.Url}\nVERIFY_URL={pg.Url("postgres", db.Password)}\n{remote.Env}";
        return (new BackupWorkspace(plan, env), remote, db);
    }

    /// <summary>id, artifact, size, sha256 and destinations of each listed backup.</summary>
    private static List<string> Summary(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(b =>
            $"{b!["id"]} {b["artifact"]} {b["size"]} {b["sha256"]} {string.Join(",", b["copies"]!.AsArray().Select(c => $"{c!["destination"]}:{c["state"]}"))}")];

    private static void AssertNoSecret(BackupWorkspace ws, SampleDatabase db)
    {
        var everything = ws.Everything;
        foreach (var secret in RemoteDestinations.Secrets.Append(db.Password))
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }
}
