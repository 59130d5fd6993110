using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>Plan reloads in a running daemon: an edited plan file is taken up and audited without a restart; an invalid one
/// is refused with its positions while the old plan keeps running, and readiness says so until the file is fixed.</summary>
public sealed partial class ReloadTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private const string OneJob = """
        backup:
          - name: files
            source: { files: [data/] }
            every: 2s
            to: [local]
        """;

    private const string TwoJobs = OneJob + """

          - name: more
            source: { files: [data/] }
            every: 2s
            to: [local]
        """;

    // A typo'd key in the job: the whole plan is invalid.
    private const string Typo = """
        backup:
          - name: files
            source: { files: [data/] }
            every: 2s
            to: [local]
            compres: gzip
        """;

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task Editing_the_plan_file_adds_a_job_that_runs_and_audits_a_plan_change_naming_the_backup_section()
    {
        project.WritePlan(OneJob);
        var before = Sha256(File.ReadAllText(project.PlanPath));
        using var daemon = await project.StartAsync();
        await WaitForSuccessAsync("backup:files", 0, daemon);

        project.WritePlan(TwoJobs);

        await Poll.UntilAsync(() => project.Audit("plan.change").Count > 0, Wait, () => "no plan.change entry\n" + daemon.Output);
        var change = Assert.Single(project.Audit("plan.change"));
        var data = JsonNode.Parse(change.Data)!;
        Assert.Equal(before, (string?)data["old_sha256"]);
        Assert.Equal(Sha256(File.ReadAllText(project.PlanPath)), (string?)data["new_sha256"]);
        Assert.Contains("backup", (string?)data["sections"], StringComparison.Ordinal);
        Assert.Contains(project.LogLines(), l => l.Contains("[INFO] Plan changed: sha256 " + before[..12], StringComparison.Ordinal));
        await WaitForSuccessAsync("backup:more", 0, daemon);
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task A_plan_given_by_a_relative_path_is_watched_and_reloaded_too()
    {
        project.WritePlan(OneJob);
        // `jaga --plan jaga.yaml run` from the project folder, as a user types it.
        using var daemon = await project.StartAsync("jaga.yaml");
        await WaitForSuccessAsync("backup:files", 0, daemon);

        project.WritePlan(TwoJobs);

        await WaitForSuccessAsync("backup:more", 0, daemon);
        Assert.Single(project.Audit("plan.change"));
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task Sighup_with_an_invalid_plan_is_refused_with_positions_the_old_jobs_keep_running_and_readyz_is_503_until_fixed()
    {
        project.WritePlan(OneJob);
        using var daemon = await project.StartAsync();
        await WaitForSuccessAsync("backup:files", 0, daemon);

        project.WritePlan(Typo);
        var sent = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var hup = await ChildProcess.RunAsync("kill", ["-s", "HUP", daemon.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(hup.ExitCode == 0, hup.Output);

        await Poll.UntilAsync(async () => await project.StatusAsync("/readyz") == 503, Wait, () => "readyz never said 503\n" + daemon.Output);
        var (_, ready) = await project.GetAsync("/readyz");
        Assert.Contains("plan on disk is invalid", ready, StringComparison.Ordinal);
        Assert.Contains(project.LogLines(), l => RefusedLine().IsMatch(l));
        Assert.Contains("SIGHUP: reloading", daemon.Output, StringComparison.Ordinal);
        Assert.Contains("compres", (await project.GetAsync("/readyz")).Body, StringComparison.Ordinal);
        Assert.Contains("jaga_plan_reload_ok 0", (await project.GetAsync("/metrics")).Body, StringComparison.Ordinal);
        // The running plan is the old one: its job goes on, and nothing was recorded as a change.
        await WaitForSuccessAsync("backup:files", sent, daemon);
        Assert.DoesNotContain(project.Audit("plan.change"), e => e.Message.StartsWith("Plan changed", StringComparison.Ordinal));

        project.WritePlan(OneJob);

        await Poll.UntilAsync(async () => await project.StatusAsync("/readyz") == 200, Wait, () => "readyz stayed 503 after the fix\n" + daemon.Output);
        Assert.Contains("jaga_plan_reload_ok 1", (await project.GetAsync("/metrics")).Body, StringComparison.Ordinal);
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task Saving_a_plan_with_a_yaml_syntax_error_is_refused_with_its_position_and_the_old_jobs_keep_running()
    {
        project.WritePlan(OneJob);
        using var daemon = await project.StartAsync();
        await WaitForSuccessAsync("backup:files", 0, daemon);

        // An unclosed '[' before the next key: YamlDotNet threw InvalidOperationException, the reloader logged a stack
        // trace and no maintenance-log line, and jaga_plan_reload_ok stayed 1.
        project.WritePlan(OneJob.Replace("every: 2s", "every: [", StringComparison.Ordinal));
        var saved = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        await Poll.UntilAsync(() => project.LogLines().Any(l => RefusedLine().IsMatch(l)), Wait, () => "no refused line\n" + daemon.Output);
        Assert.Contains(project.LogLines(), l => RefusedLine().IsMatch(l) && l.Contains("YAML syntax", StringComparison.Ordinal));
        Assert.Contains("jaga_plan_reload_ok 0", (await project.GetAsync("/metrics")).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", daemon.Output, StringComparison.Ordinal);
        await WaitForSuccessAsync("backup:files", saved, daemon);
        Assert.False(daemon.HasExited, daemon.Output);
    }

    private async Task WaitForSuccessAsync(string job, long claimedAfter, RunningJaga daemon) =>
        await Poll.UntilAsync(() => project.Runs(job).Any(r => r.Outcome == "succeeded" && r.ClaimedAt >= claimedAfter), Wait,
            () => $"no succeeded run of {job}: [{string.Join("; ", project.Runs(job))}]\n{daemon.Output}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The maintenance-log line of a refused reload, with a problem's <c>file:line:column</c>.</summary>
    [GeneratedRegex(@"\[ERROR\] Plan reload refused, still running sha256 [0-9a-f]{12}: .*jaga\.yaml:\d+:\d+: ")]
    private static partial Regex RefusedLine();
}
