using System.Diagnostics;

namespace Jaga.Cli.Tests;

/// <summary>Files and values the user gives that are not what Jaga expects: each said for what it is (a folder, a port out
/// of range, a number too large, a file that is no checkpoint), never as something else or in .NET's words.</summary>
public sealed class InputMessageTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task A_folder_in_env_files_is_said_to_be_a_folder_at_its_position()
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "conf"));
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan.Replace("env_files: [.env]", "env_files: [.env, conf]", StringComparison.Ordinal));
        var r = await ws.Jaga("validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("jaga.yaml:6:19: env_files: the env file " + Path.Combine(ws.Dir, "conf") + " is a folder, not a file", r.Err);
        Assert.DoesNotContain("not found", r.Err);
    }

    [Fact]
    public async Task A_version_too_large_for_a_number_is_said_to_be_out_of_range_and_which_one_is_read()
    {
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan.Replace("version: 1", "version: 2147483648", StringComparison.Ordinal));
        // The plan says language: id; the English wording is what this test reads.
        var r = await ws.Jaga("validate", "--lang", "en");
        Assert.Equal(2, r.Code);
        Assert.Contains("version: this Jaga reads plan version 1, not 2147483648", r.Err);
        Assert.Contains("2147483648 is out of range", r.Err);
        Assert.DoesNotContain("not a whole number", r.Err);
    }

    [Fact]
    public async Task Any_whole_number_too_large_for_its_key_is_out_of_range()
    {
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan + "\n    keep: { daily: 99999999999 }\n");
        var r = await ws.Jaga("validate", "--lang", "en");
        Assert.Equal(2, r.Code);
        Assert.Contains("keep.daily: 99999999999 is out of range (use 1 to 2147483647)", r.Err);
    }

    [Theory]
    [InlineData("postgres://u@db.internal:99999/app")]
    [InlineData("postgres://u@db.internal:abc/app")]
    [InlineData("postgres://u:pw@db.internal:0/app")]
    public async Task A_url_with_a_bad_port_is_said_to_have_a_bad_port(string url)
    {
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan.Replace("\"${DATABASE_URL}\"", $"\"{url}\"", StringComparison.Ordinal));
        var r = await ws.Jaga("validate", "--lang", "en");
        var id = await ws.Jaga("validate");
        Assert.Equal(2, r.Code);
        Assert.Contains("has an invalid port: a port is a number from 1 to 65535", r.Err);
        Assert.DoesNotContain("needs a host", r.Err);
        Assert.Contains("punya port yang tidak sah: port adalah angka dari 1 sampai 65535", id.Err);
        Assert.DoesNotContain("pw@", id.Err);
    }

    [Fact]
    public async Task An_anchor_that_is_not_a_checkpoint_says_what_an_anchor_is_and_where_it_went_wrong()
    {
        await ws.Jaga("log", "add", "satu");
        var anchor = Path.Combine(ws.Dir, "passwd");
        File.WriteAllText(anchor, "root:x:0:0:root:/root:/bin/bash\n");
        var r = await ws.Jaga("--lang", "en", "audit", "verify", "--anchor", anchor);
        Assert.Equal(2, r.Code);
        Assert.Contains($"--anchor: {anchor} is not a checkpoint file: at line 1, column 1 it is not a JSON object", r.Err);
        Assert.Contains("'jaga audit checkpoint --out FILE' writes", r.Err);
        UsageMessageTests.AssertNoDotNet(r);
        File.WriteAllText(anchor, "{\"format\": \"jaga-checkpoint-v1\", \"seq\": \"many\"}");
        r = await ws.Jaga("--lang", "en", "audit", "verify", "--anchor", anchor);
        Assert.Contains("'seq' has the wrong kind of value", r.Err);
        UsageMessageTests.AssertNoDotNet(r);
    }

    [Fact]
    public async Task An_anchor_that_is_a_device_a_fifo_or_a_folder_is_refused_at_once()
    {
        await ws.Jaga("log", "add", "satu");
        var fifo = Path.Combine(ws.Dir, "anchor.fifo");
        using (var mk = Process.Start("mkfifo", fifo)) await mk.WaitForExitAsync();
        var clock = Stopwatch.StartNew();
        var cases = new[] { ("/dev/zero", "is a character device, not a regular file"), (fifo, "is a FIFO (named pipe), not a regular file"), (ws.Dir, "is a folder, not a file") };
        foreach (var (path, said) in cases)
        {
            var r = await ws.Jaga("--lang", "en", "audit", "verify", "--anchor", path).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(r.Code == 2, r.ToString());
            Assert.Contains(said, r.Err);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    public void Dispose() => ws.Dispose();
}
