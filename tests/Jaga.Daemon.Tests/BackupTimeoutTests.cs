using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Jaga.Daemon.Tests;

/// <summary><c>backup[].timeout</c> holds for a run by hand as for a scheduled one, and a run stopped at it is called timed
/// out everywhere: the command's output, the log, the job's runs and the backup catalog.</summary>
public sealed class BackupTimeoutTests : IDisposable
{
    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task A_backup_run_by_hand_is_stopped_at_its_timeout_and_recorded_timed_out()
    {
        // A "database" that accepts the connection and never answers: without the timeout the run would wait for ever.
        using var silent = new SilentServer();
        project.WritePlan($$"""
            backup:
              - name: db
                source: { postgres: "postgres://jaga:secret@127.0.0.1:{{silent.Port}}/app" }
                schedule: "0 2 * * *"
                timeout: 2s
                to: [local]
            """);

        var clock = Stopwatch.StartNew();
        var run = await project.JagaAsync("backup", "run", "db");

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Contains("Backup db timed out after 2s", run.Output, StringComparison.Ordinal);
        Assert.Contains(project.LogLines(), l => l.Contains("[ERROR] Backup db timed out after 2s", StringComparison.Ordinal));
        Assert.Equal("timedout", Assert.Single(project.Runs("backup:db")).Outcome);
        var list = await project.JagaAsync("backup", "list", "--json");
        Assert.Equal("timedout", (string?)Assert.Single(JsonNode.Parse(list.Output)!.AsArray())!["status"]);
        Assert.DoesNotContain(project.LogLines(), l => l.Contains("interrupted", StringComparison.OrdinalIgnoreCase) || l.Contains("recorded as failed", StringComparison.Ordinal));
    }
}
