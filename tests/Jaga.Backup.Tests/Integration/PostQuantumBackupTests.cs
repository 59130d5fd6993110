using System.Text;
using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>Backups encrypted to a post-quantum hybrid recipient (age1pq1…, the mlkem768x25519 stanza of age 1.3), with the
/// identity that <c>jaga backup keygen --pq</c> writes: verified and restored by Jaga. The age CLI of the test machines (1.1.1)
/// predates age 1.3 and cannot read these files; the test records that instead of restoring with it (a newer age must restore
/// the backup, as it does the X25519 ones in <see cref="RestoreTests"/>).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PostQuantumBackupTests(PostgresServer pg)
{
    private const string Artifact = "db_2025-11-15.sql.zst.age";

    [Fact]
    public async Task A_backup_to_a_post_quantum_recipient_from_jaga_keygen_verifies_and_restores()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        using var ws = new BackupWorkspace("", $"DATABASE_URL={db.Url}\n");
        var key = Path.Combine(ws.Dir, "keys", "pq.key");
        var made = JsonNode.Parse((await ws.Ok("backup", "keygen", "--pq", "--out", key, "--json")).Out)!;
        var recipient = (string)made["recipient"]!;
        Assert.StartsWith("age1pq1", recipient, StringComparison.Ordinal);
        Assert.True((bool)made["post_quantum"]!);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Contains("AGE-SECRET-KEY-PQ-1", File.ReadAllText(key), StringComparison.Ordinal);
        File.WriteAllText(ws.PlanPath, Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{recipient}], identity: {key} }}")));

        await ws.Ok("backup", "run");
        var file = Path.Combine(ws.LocalBackups, Artifact);
        var bytes = File.ReadAllBytes(file);
        var header = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4000)]);
        Assert.StartsWith("age-encryption.org/v1\n-> mlkem768x25519 ", header, StringComparison.Ordinal);
        Assert.DoesNotContain("-> X25519", header, StringComparison.Ordinal);
        Assert.Equal(recipient, (string)JsonNode.Parse(File.ReadAllText(file + ".manifest.json"))!["encryption"]!["recipients"]![0]!);

        await ws.Ok("backup", "verify", "--latest");
        var id = (string)JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray()[0]!["id"]!;
        var byJaga = await SampleDatabase.CreateAsync(pg);
        await ws.Ok("backup", "restore", id, "--into", byJaga.Url, "--yes");
        Assert.Equal(SampleDatabase.SeededCounts, await byJaga.CountsAsync());
        Assert.DoesNotContain("AGE-SECRET-KEY", ws.Everything, StringComparison.Ordinal);

        var version = await ReferenceTools.BashAsync("/usr/bin/age --version");
        var byAge = await ReferenceTools.BashAsync(
            $"/usr/bin/age -d -i {ReferenceTools.Quote(key)} {ReferenceTools.Quote(file)} | zstd -d > /dev/null");
        if (Version.TryParse(version.Output.Trim().TrimStart('v').Split('-')[0], out var v) && v < new Version(1, 3))
            Assert.True(byAge.ExitCode != 0, $"age {v} read a post-quantum file: the docs say it cannot; {byAge.Output}");
        else
            Assert.True(byAge.ExitCode == 0, $"age {version.Output.Trim()} should read post-quantum files: {byAge.Output}");
    }

    [Fact]
    public async Task A_job_mixing_post_quantum_and_x25519_recipients_is_refused_at_load()
    {
        var classic = Jaga.Core.Crypto.AgeKeys.Generate().Recipient;
        var hybrid = Jaga.Core.Crypto.AgeKeys.GenerateHybrid().Recipient;
        using var ws = new BackupWorkspace(Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{hybrid}, {classic}] }}")),
            "DATABASE_URL=postgres://u@127.0.0.1:1/x\n");

        var refused = await ws.Jaga("validate");

        Assert.Equal(2, refused.Code);
        Assert.Contains("backup[0].encrypt.recipients", refused.Out + refused.Err, StringComparison.Ordinal);
        Assert.Contains("pasca-kuantum (age1pq1…) dan X25519 (age1…) dicampur", refused.Out + refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keygen_never_writes_over_an_existing_file()
    {
        using var ws = new BackupWorkspace("", "");
        var key = Path.Combine(ws.Dir, "age.key");
        File.WriteAllText(key, "keep me\n");

        var refused = await ws.Jaga("backup", "keygen", "--out", key);

        Assert.Equal(2, refused.Code);
        Assert.Contains("already exists", refused.Err, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(key));
    }
}
