using System.Text.Json.Nodes;
using Jaga.Cli;
using Jaga.Core.Ports;
using Jaga.Sqlite;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Patches;

/// <summary><c>jaga patches</c> on this machine's real apt-get, in-process, and as an unprivileged user in a child process.
/// No test here ever passes <c>--apply</c> with <c>--yes</c> as root: nothing is installed.</summary>
[Trait("Category", "Integration")]
public sealed class PatchesCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-patches-cli-").FullName;

    private string Plan(string language = "en")
    {
        var path = Path.Combine(dir, "jaga.yaml");
        File.WriteAllText(path, $"version: 1\nproject: toko\ntimezone: Asia/Jakarta\nlanguage: {language}\nlog: {{ file: logs/maintenance.log }}\n");
        return path;
    }

    private string LogText => File.Exists(Path.Combine(dir, "logs", "maintenance.log")) ? File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log")) : "";

    private static async Task<(int Code, string Out, string Err)> JagaAsync(string plan, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = ["--plan", plan, .. args];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var code = await Program.Run(all, new Output(all.Contains("--json"), stdout, stderr, terminal: false), clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Json_lists_what_apt_get_would_upgrade_and_the_exit_code_says_whether_security_updates_wait()
    {
        var (code, stdout, stderr) = await JagaAsync(Plan(), "patches", "--json");

        var json = JsonNode.Parse(stdout)!.AsObject();
        var inst = await OsPatchesTests.CountAsync("grep -c '^Inst'");
        var security = await OsPatchesTests.CountAsync("grep '^Inst' | grep -c -- '-security'");
        Assert.True(json["pending"]!.GetValue<int>() == inst, stderr);
        Assert.Equal(security, json["security"]!.GetValue<int>());
        Assert.Equal(inst, json["updates"]!.AsArray().Count);
        Assert.Equal(security, json["updates"]!.AsArray().Count(u => u!["security"]!.GetValue<bool>()));
        Assert.All(json["updates"]!.AsArray(), u => Assert.False(string.IsNullOrEmpty(u!["candidate"]!.GetValue<string>())));
        Assert.Equal(security > 0 ? 1 : 0, code);
        Assert.Contains($"OS patches: {inst} update(s) pending, {security} of them security", LogText, StringComparison.Ordinal);
        Assert.Contains(security > 0 ? "[WARN] OS patches" : "[INFO] OS patches", LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_reading_feeds_the_pending_security_updates_of_this_node_to_the_state_store()
    {
        var plan = Plan();
        var (_, stdout, _) = await JagaAsync(plan, "patches", "--json");
        await JagaAsync(plan, "patches", "--json");

        var security = JsonNode.Parse(stdout)!["updates"]!.AsArray().Where(u => u!["security"]!.GetValue<bool>())
            .Select(u => (string)u!["package"]!).Order(StringComparer.Ordinal).ToList();
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, ".jaga", "state.db"), TimeProvider.System);
        var pending = await store.Security.PendingAsync();
        // Read twice, each security update is still one pending finding.
        Assert.Equal(security, pending.Select(f => f.Package).Order(StringComparer.Ordinal));
        Assert.All(pending, f => Assert.Equal((SecurityFindingSource.OsPackage, Environment.MachineName, "deb"), (f.Source, f.Scope, f.Ecosystem)));
        var mark = Assert.Single(await store.Security.ReadingsAsync());
        Assert.Equal((SecurityFindingSource.OsPackage, Environment.MachineName, true, security.Count), (mark.Source, mark.Scope, mark.Complete, mark.Findings));
    }

    [Fact]
    public async Task Security_only_shows_only_security_updates_with_the_counts_below()
    {
        var (_, stdout, stderr) = await JagaAsync(Plan(), "patches", "--security-only");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var security = await OsPatchesTests.CountAsync("grep '^Inst' | grep -c -- '-security'");
        var rows = lines.Where(l => l.Contains('\t', StringComparison.Ordinal)).Skip(1).ToList();
        Assert.True(rows.Count == security, stdout + stderr);
        Assert.All(rows, r => Assert.EndsWith("\tyes", r, StringComparison.Ordinal));
        if (security > 0) Assert.Equal("package\tinstalled\tcandidate\torigin\tsecurity", lines.First(l => l.Contains('\t', StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains($", {security} of them security, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_without_security_only_is_refused_and_nothing_is_recorded()
    {
        var (code, _, stderr) = await JagaAsync(Plan(), "patches", "--apply", "--yes");

        Assert.Equal(2, code);
        Assert.Contains("--apply installs security updates only: add --security-only", stderr, StringComparison.Ordinal);
        Assert.Equal("", LogText);
    }

    [Fact]
    public async Task Apply_with_no_terminal_to_ask_on_needs_yes()
    {
        var (code, _, stderr) = await JagaAsync(Plan("id"), "patches", "--apply", "--security-only");

        Assert.Equal(2, code);
        Assert.Contains(Environment.UserName == "root" ? "tambahkan --yes" : "perlu root", stderr, StringComparison.Ordinal);
        Assert.Equal("", LogText);
    }

    [Fact]
    public async Task Apply_as_a_user_who_is_not_root_is_refused_with_exit_2()
    {
        var plan = Plan();
        int code;
        string output;
        if (Environment.UserName == "root")
        {
            // Temporary folders are made private (0700): nobody must be able to read the plan.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            // The real thing: the built jaga, as the unprivileged user nobody.
            var run = await ChildProcess.RunAsync("setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", RunningJaga.JagaDll, "--plan", plan, "patches", "--apply", "--security-only", "--yes"],
                TimeSpan.FromMinutes(2), workingDirectory: dir);
            (code, output) = (run.ExitCode, run.Output);
        }
        else
        {
            var run = await JagaAsync(plan, "patches", "--apply", "--security-only", "--yes");
            (code, output) = (run.Code, run.Err);
        }

        Assert.True(code == 2, output);
        Assert.Contains("--apply installs packages and needs root; this runs as ", output, StringComparison.Ordinal);
        Assert.Contains("hint: run it as root: sudo jaga patches --apply --security-only", output, StringComparison.Ordinal);
        Assert.Equal("", LogText);
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);
}
