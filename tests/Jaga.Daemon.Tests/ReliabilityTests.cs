using System.Text.Json.Nodes;

namespace Jaga.Daemon.Tests;

/// <summary><c>jaga run</c> as a real process when a job misbehaves or the service manager stops it: a hung job is cut off
/// by its timeout without holding up the others, and SIGTERM in the middle of a backup leaves no backup that looks complete.</summary>
public sealed class ReliabilityTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task A_hanging_backup_is_cut_off_by_its_timeout_and_recorded_timedout_while_another_job_keeps_succeeding()
    {
        // A "database" that accepts the connection and never answers: the postgres source waits for ever.
        using var silent = new SilentServer();
        project.WritePlan($$"""
            backup:
              - name: db
                source: { postgres: "postgres://jaga:secret@127.0.0.1:{{silent.Port}}/app" }
                every: 10s
                timeout: 3s
                to: [local]
              - name: files
                source: { files: [data/] }
                every: 2s
                to: [local]
            """);
        using var daemon = await project.StartAsync();

        RunRow? timedOut = null;
        await Poll.UntilAsync(() => (timedOut = project.Runs("backup:db").FirstOrDefault(r => r.Outcome == "timedout")) is not null, Wait,
            () => $"no timedout run of backup:db: [{string.Join("; ", project.Runs("backup:db"))}]\n{daemon.Output}");

        Assert.True(silent.Accepted > 0, "the db job never connected to the silent server");
        var hung = TimeSpan.FromMilliseconds(timedOut!.FinishedAt!.Value - timedOut.ClaimedAt);
        // Its timeout, not more: the source stops waiting for the silent server when cancelled, so the scheduler need not
        // abandon it (10 s later) nor wait for Npgsql's own connect timeout (15 s).
        Assert.InRange(hung, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3 + 5));
        Assert.DoesNotContain("ignored its cancellation", daemon.Output, StringComparison.Ordinal);
        Assert.Contains("timeout of 3s", timedOut.Detail, StringComparison.Ordinal);
        Assert.Contains(project.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal)
            && l.Contains("backup:db stopped after its timeout of 3s", StringComparison.Ordinal));

        // The other job ran and succeeded while the db job hung, and goes on after it.
        await Poll.UntilAsync(() => project.Runs("backup:files").Any(r => r.Outcome == "succeeded" && r.ClaimedAt > timedOut.FinishedAt), Wait,
            () => $"no backup:files run after the timeout: [{string.Join("; ", project.Runs("backup:files"))}]");
        var files = project.Runs("backup:files");
        Assert.Contains(files, r => r.Outcome == "succeeded" && r.ClaimedAt > timedOut.ClaimedAt && r.ClaimedAt < timedOut.FinishedAt);
        Assert.DoesNotContain(files, r => r.Outcome is "failed" or "timedout");
        Assert.False(daemon.HasExited, daemon.Output);
        Assert.Equal(200, await project.StatusAsync("/healthz"));
    }

    [Fact]
    public async Task Sigterm_during_a_backup_exits_0_records_the_run_interrupted_and_leaves_no_complete_backup_or_artifact()
    {
        // Random bytes do not compress: gzip of 150 MB takes seconds, long enough to be stopped in the middle.
        WriteRandomFile(Path.Combine(project.Data, "big.bin"), 150);
        project.WritePlan("""
            scheduler: { shutdown_timeout: 1s }
            backup:
              - name: big
                source: { files: [data/] }
                every: 1h
                to: [local]
                compress: gzip
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => project.Runs("backup:big").Any(r => r.Outcome == "running"), Wait,
            () => $"backup:big never ran: [{string.Join("; ", project.Runs("backup:big"))}]\n{daemon.Output}");

        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(daemon.ExitCode == 0, daemon.Output);
        var run = Assert.Single(project.Runs("backup:big"));
        Assert.True(run.Outcome == "interrupted", $"{run}\n{daemon.Output}");
        Assert.Contains(project.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal)
            && l.Contains("backup:big interrupted by shutdown", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Backups(), b => b.Status == "complete");
        var list = await project.JagaAsync("backup", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.DoesNotContain(JsonNode.Parse(list.Output)!.AsArray(), r => (string?)r!["status"] == "complete");
        Assert.Empty(project.VisibleArtifacts());
        var audit = await project.JagaAsync("audit", "verify");
        Assert.True(audit.ExitCode == 0, audit.Output);
        Assert.Contains(project.LogLines(), l => l.Contains("Jaga daemon stopped", StringComparison.Ordinal));
    }

    private static void WriteRandomFile(string path, int megabytes)
    {
        var buffer = new byte[1024 * 1024];
        using var f = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            Random.Shared.NextBytes(buffer);
            f.Write(buffer);
        }
    }
}
