using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Env;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Engine.Env;
using Jaga.Engine.Planning;

namespace Jaga.Migration.Tests.Run;

/// <summary>The installation's key for the HMACs of env values: made once, owner-only, beside the state; what the audit keeps
/// for a short secret cannot be found by hashing guesses without it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EnvHmacKeyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-hmac-").FullName;

    [Fact]
    public void The_key_is_made_once_owner_only_and_a_short_secrets_hmac_is_not_its_bare_sha256()
    {
        var path = Path.Combine(dir, "state", "env-hmac.key");

        var made = EnvHmacKey.LoadOrCreate(path, Catalog.English);
        var again = EnvHmacKey.LoadOrCreate(path, Catalog.English);
        var other = EnvHmacKey.LoadOrCreate(Path.Combine(dir, "other", "env-hmac.key"), Catalog.English);

        Assert.Equal(32, made.Length);
        Assert.Equal(made, again);
        Assert.NotEqual(made, other);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Matches("^[0-9a-f]{64}\n$", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        // A 4-digit PIN: its bare SHA-256 is found among 10,000 guesses; the HMAC is not, and needs the key to check.
        var bare = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("1234")));
        var hmac = EnvValue.Hmac("1234", made);
        Assert.NotEqual(bare, hmac);
        Assert.DoesNotContain(hmac, Enumerable.Range(0, 10_000).Select(i => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i:0000}")))));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(made, "1234"u8)), hmac);
        Assert.NotEqual(hmac, EnvValue.Hmac("1234", other));
    }

    [Fact]
    public async Task Processes_making_the_key_at_once_all_get_the_same_one()
    {
        var path = Path.Combine(dir, "race", "env-hmac.key");

        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => EnvHmacKey.LoadOrCreate(path, Catalog.English))));

        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void A_damaged_key_is_refused_naming_the_file_and_never_replaced()
    {
        var path = Path.Combine(dir, "env-hmac.key");
        File.WriteAllText(path, "not a key\n");

        var e = Assert.Throws<UserException>(() => EnvHmacKey.LoadOrCreate(path, Catalog.English));

        Assert.Equal($"the key of env value HMACs {path} is not 64 hex digits", e.Message);
        Assert.Contains("restore", e.Hint, StringComparison.Ordinal);
        Assert.Equal("not a key\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(".jaga/state.db", ".jaga/env-hmac.key")]
    [InlineData("var/jaga.db", "var/env-hmac.key")]
    [InlineData("postgres://jaga@db/jaga", ".jaga/env-hmac.key")]
    public void The_key_lives_beside_a_sqlite_state_else_in_jaga_beside_the_plan(string state, string expected)
    {
        var loaded = PlanFile.LoadText($"version: 1\nproject: k\nstate: \"{state}\"\n", Path.Combine(dir, "jaga.yaml"));
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));

        Assert.Equal(Path.Combine(dir, expected), loaded.Plan!.BesideState(EnvHmacKey.FileName));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
