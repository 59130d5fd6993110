using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary><c>encrypt.armor: true</c>: the artifact is age's ASCII armor, the real <c>age</c> CLI decrypts it, and Jaga
/// verifies and restores it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ArmoredBackupTests(PostgresServer pg)
{
    private const string Artifact = "db_2025-11-15.sql.zst.age";

    [Fact]
    public async Task An_armored_backup_decrypts_with_the_age_cli_and_restores_with_jaga()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var keys = Directory.CreateTempSubdirectory("jaga-age-").FullName;
        var (key, recipient) = await ReferenceTools.AgeKeyAsync(keys);
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{recipient}], identity: {key}, armor: true }}"));
        using var ws = new BackupWorkspace(plan, $"DATABASE_URL={db.Url}\n");
        await ws.Ok("backup", "run");
        var file = Path.Combine(ws.LocalBackups, Artifact);
        var text = File.ReadAllText(file);
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n-----END AGE ENCRYPTED FILE-----\n", text, StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(File.ReadAllText(file + ".manifest.json"))!["encryption"]!["armored"]!.GetValue<bool>());

        var byHand = await SampleDatabase.CreateAsync(pg);
        var restored = await ReferenceTools.BashAsync(
            $"/usr/bin/age -d -i {ReferenceTools.Quote(key)} {ReferenceTools.Quote(file)} | zstd -d | psql -X -q -v ON_ERROR_STOP=1 {ReferenceTools.Quote(byHand.Url)}");
        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Equal(SampleDatabase.SeededCounts, await byHand.CountsAsync());

        await ws.Ok("backup", "verify", "--latest");
        var id = (string)JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray()[0]!["id"]!;
        var byJaga = await SampleDatabase.CreateAsync(pg);
        await ws.Ok("backup", "restore", id, "--into", byJaga.Url, "--yes");
        Assert.Equal(SampleDatabase.SeededCounts, await byJaga.CountsAsync());
    }

    [Fact]
    public async Task A_passphrase_protected_identity_file_is_refused_with_what_to_do()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var keys = Directory.CreateTempSubdirectory("jaga-age-").FullName;
        var (key, recipient) = await ReferenceTools.AgeKeyAsync(keys);
        // An identity file as 'age -a -p' leaves it: the key itself age-encrypted, armored (the content is not read).
        var locked = Path.Combine(keys, "age.key.age");
        File.WriteAllText(locked, "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n");
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{recipient}], identity: {locked}, armor: true }}"));
        using var ws = new BackupWorkspace(plan, $"DATABASE_URL={db.Url}\n");
        await ws.Ok("backup", "run");

        var refused = await ws.Jaga("backup", "verify", "--latest");

        Assert.True(refused.Code != 0, refused.ToString());
        Assert.Contains("is an age identity file encrypted with a passphrase; set JAGA_AGE_IDENTITY_PASSPHRASE", refused.Out + refused.Err, StringComparison.Ordinal);
        Assert.Contains("age -d -o KEY_FILE", refused.Out + refused.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(key));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_passphrase_protected_identity_file_opens_with_its_passphrase_from_an_env_file(bool armored)
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var keys = Directory.CreateTempSubdirectory("jaga-age-").FullName;
        var (key, recipient) = await ReferenceTools.AgeKeyAsync(keys);
        // The identity file as 'age -p' (and -a) leaves it: the key file itself encrypted to a passphrase (scrypt).
        var locked = Path.Combine(keys, "age.key.age");
        using (var output = File.Create(locked))
        using (var encrypting = Jaga.Core.Crypto.Age.EncryptTo(output, "kunci-rahasia-identitas", workFactor: 10, armor: armored))
            encrypting.Write(File.ReadAllBytes(key));
        File.Delete(key);
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", $"encrypt: {{ recipients: [{recipient}], identity: {locked} }}"));
        using var ws = new BackupWorkspace(plan, $"DATABASE_URL={db.Url}\nJAGA_AGE_IDENTITY_PASSPHRASE=kunci-rahasia-identitas\n");
        await ws.Ok("backup", "run");

        await ws.Ok("backup", "verify", "--latest");
        var id = (string)JsonNode.Parse((await ws.Ok("backup", "list", "--json")).Out)!.AsArray()[0]!["id"]!;
        var restored = await SampleDatabase.CreateAsync(pg);
        await ws.Ok("backup", "restore", id, "--into", restored.Url, "--yes");
        Assert.Equal(SampleDatabase.SeededCounts, await restored.CountsAsync());
        Assert.DoesNotContain("kunci-rahasia-identitas", ws.Everything, StringComparison.Ordinal);
    }
}
