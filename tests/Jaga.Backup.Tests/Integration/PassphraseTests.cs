using Jaga.Testing;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A backup encrypted with a passphrase from the workspace's .env (age's scrypt recipient).</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PassphraseTests(PostgresServer pg)
{
    private const string Passphrase = "kata-sandi-rahasia-9876";
    private const string Artifact = "db_2025-11-15.sql.zst.age";

    [Fact]
    public async Task Passphrase_backup_verifies_by_test_restore_and_needs_the_passphrase_to_decrypt()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local",
            "encrypt: { passphrase_env: BACKUP_PASSPHRASE }", "verify: { restore_into: \"${VERIFY_URL}\" }"));
        var env = $"DATABASE_URL={db.Url}\nVERIFY_URL={pg.Url("postgres", db.Password)}\nBACKUP_PASSPHRASE={Passphrase}\n";
        using var ws = new BackupWorkspace(plan, env);

        await ws.Ok("backup", "run");
        var header = File.ReadAllText(Path.Combine(ws.LocalBackups, Artifact))[..40];
        Assert.StartsWith("age-encryption.org/v1\n-> scrypt ", header, StringComparison.Ordinal);
        var verify = await ws.Ok("backup", "verify", "--latest", "--restore");
        Assert.Contains("jumlah baris 3 tabel cocok dengan manifest", verify.Out);

        File.WriteAllText(Path.Combine(ws.Dir, ".env"), env.Replace(Passphrase, "bukan-kata-sandinya", StringComparison.Ordinal));
        var wrong = await ws.Jaga("backup", "verify", "--latest");
        Assert.True(wrong.Code != 0, wrong.ToString());

        Assert.DoesNotContain(Passphrase, ws.Everything, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Password, ws.Everything, StringComparison.Ordinal);
    }
}
