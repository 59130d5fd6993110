using Jaga.Core.Env;
using Jaga.Core.Interpolation;

namespace Jaga.Migration.Tests.Run;

/// <summary><c>jaga env set|diff|check</c> through the real binary.</summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EnvCommandTests
{
    private const string Secret = "postgres://toko:Sup3r-S3cret-pw@db.internal:5432/toko";

    [Fact]
    public async Task Set_replaces_the_file_atomically_keeps_the_old_one_as_bak_and_records_the_key_and_hash_never_the_value()
    {
        using var p = new EnvProject();
        var before = File.ReadAllBytes(p.EnvPath);
        File.SetUnixFileMode(p.EnvPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        // The plan needs ${DATABASE_URL}, which the file does not have yet: setting it is what makes the plan load.
        var set = await p.JagaAsync("env", "set", $"DATABASE_URL={Secret}", "S3_KEY=new key", "--file", ".env.production");

        Assert.True(set.ExitCode == 0, set.Output);
        var file = EnvFile.Parse(File.ReadAllText(p.EnvPath), "f");
        Assert.Equal(Secret, file.Values["DATABASE_URL"]);
        Assert.Equal("new key", file.Values["S3_KEY"]);
        Assert.StartsWith("# production\nS3_KEY='new key'   # the bucket's key\n", File.ReadAllText(p.EnvPath), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(p.EnvPath + ".bak"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(p.EnvPath));
        Assert.Empty(Directory.GetFiles(p.Dir, "*.tmp"));
        Assert.Contains(".env.production.bak", set.Output, StringComparison.Ordinal);

        var keyFile = Path.Combine(p.Dir, ".jaga", "env-hmac.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var hash = EnvValue.Hmac(Secret, Convert.FromHexString(File.ReadAllText(keyFile).Trim()));
        var log = File.ReadAllText(p.LogPath);
        Assert.Contains($"Env DATABASE_URL set in .env.production (added, hmac {hash[..12]}…)", log, StringComparison.Ordinal);
        Assert.Contains("Env S3_KEY set in .env.production (changed", log, StringComparison.Ordinal);
        var entries = await p.JagaAsync("log", "--json", "--grep", "DATABASE_URL");
        Assert.Contains(hash, entries.Output, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"env.set\"", entries.Output, StringComparison.Ordinal);
        foreach (var value in (string[])[Secret, "Sup3r-S3cret-pw", "new key"])
        {
            Assert.DoesNotContain(value, set.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(value, p.Kept, StringComparison.Ordinal);
        }
        var verify = await p.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public async Task A_new_file_is_created_readable_by_its_owner_only_without_a_bak()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");

        var set = await p.JagaAsync("env", "set", "APP_ENV=live", "--file", "config/../.env.new");

        Assert.True(set.ExitCode == 0, set.Output);
        var created = Path.Combine(p.Dir, ".env.new");
        Assert.Equal("APP_ENV=live\n", File.ReadAllText(created));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(created));
        Assert.False(File.Exists(created + ".bak"));
    }

    [Fact]
    public async Task A_value_from_standard_input_is_set_without_its_trailing_line_feed()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");

        var set = await p.JagaWithInputAsync("from a pipe $HOME\n", "env", "set", "API_TOKEN", "--stdin", "--file", ".env.production");

        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Equal("from a pipe $HOME", EnvFile.Parse(File.ReadAllText(p.EnvPath), "f").Values["API_TOKEN"]);
        Assert.DoesNotContain("from a pipe", set.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_megabyte_value_is_refused_with_exit_2_and_the_file_is_left_as_it_was()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");
        var before = File.ReadAllBytes(p.EnvPath);

        var set = await p.JagaWithInputAsync(new string('v', 10 << 20), "env", "set", "BIG", "--stdin", "--file", ".env.production");

        Assert.True(set.ExitCode == 2, set.Output);
        Assert.Contains("larger than 1 MiB", set.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vvvvvvvv", set.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(p.EnvPath));
        Assert.False(File.Exists(p.EnvPath + ".bak"));
    }

    [Fact]
    public async Task A_fifo_as_the_file_is_refused_with_exit_2_without_blocking()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");
        var fifo = Path.Combine(p.Dir, "pipe");
        Assert.Equal(0, (await Jaga.Testing.ChildProcess.RunAsync("mkfifo", [fifo], TimeSpan.FromSeconds(10))).ExitCode);

        var set = await p.JagaAsync("env", "set", "A=1", "--file", "pipe");

        Assert.True(set.ExitCode == 2, set.Output);
        Assert.Contains("FIFO", set.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A\nB=1")]
    [InlineData("=value")]
    [InlineData("NO_VALUE")]
    [InlineData("1ST=x")]
    public async Task A_word_that_is_not_KEY_VALUE_with_a_variable_name_is_refused_with_exit_2(string word)
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");
        var before = File.ReadAllBytes(p.EnvPath);

        var set = await p.JagaAsync("env", "set", word, "--file", ".env.production");

        Assert.True(set.ExitCode == 2, set.Output);
        Assert.Equal(before, File.ReadAllBytes(p.EnvPath));
    }

    [Fact]
    public async Task A_key_holding_an_equals_sign_is_refused_with_stdin_too()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\n");

        var set = await p.JagaWithInputAsync("v", "env", "set", "A=B", "--stdin", "--file", ".env.production");

        Assert.True(set.ExitCode == 2, set.Output);
    }

    [Fact]
    public async Task Diff_lists_missing_extra_and_empty_keys_never_values_and_exits_1_while_keys_are_missing()
    {
        using var p = new EnvProject(env: $"DATABASE_URL={Secret}\nDEBUG=\nLEFTOVER=old-value-xyz\n");
        File.WriteAllText(Path.Combine(p.Dir, ".env.example"), "DATABASE_URL=\nDEBUG=\nAPI_TOKEN=example-value\n");

        var diff = await p.JagaAsync("env", "diff", ".env.example", ".env.production");

        Assert.True(diff.ExitCode == 1, diff.Output);
        Assert.Contains("missing  API_TOKEN", diff.Output, StringComparison.Ordinal);
        Assert.Contains("extra    LEFTOVER", diff.Output, StringComparison.Ordinal);
        Assert.Contains("empty    DEBUG", diff.Output, StringComparison.Ordinal);
        foreach (var value in (string[])[Secret, "old-value-xyz", "example-value"])
            Assert.DoesNotContain(value, diff.Output, StringComparison.Ordinal);

        File.AppendAllText(p.EnvPath, "API_TOKEN=t\n");
        var again = await p.JagaAsync("env", "diff", ".env.example", ".env.production");
        Assert.True(again.ExitCode == 0, again.Output);
    }

    [Fact]
    public async Task Check_names_every_missing_key_of_the_plan_and_the_example_exits_1_and_0_once_they_are_set()
    {
        using var p = new EnvProject();
        File.WriteAllText(Path.Combine(p.Dir, ".env.example"), "DATABASE_URL=\nAPP_ENV=\n");

        var check = await p.JagaAsync("env", "check");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.Contains("MISSING  DATABASE_URL  (needed by migration.to, .env.example)", check.Output, StringComparison.Ordinal);
        Assert.Contains("MISSING  APP_ENV  (needed by .env.example)", check.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await p.JagaAsync("env", "set", $"DATABASE_URL={Secret}", "APP_ENV=live", "--file", ".env.production")).ExitCode);
        var after = await p.JagaAsync("env", "check");
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.Contains("ok       DATABASE_URL  (.env.production)", after.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, after.Output, StringComparison.Ordinal);
    }
}
