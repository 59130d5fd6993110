using Jaga.Core.Ports;

namespace Jaga.Backup.Tests.Faults;

/// <summary>Two runs of the same job at once, in one process or in two: one runs, the other is told the job is busy.</summary>
[Collection(FaultServers.Name)]
public sealed class ConcurrentRunTests : IDisposable
{
    private readonly FaultWorkspace ws = new();

    public ConcurrentRunTests()
    {
        // Big and slow enough (gzip over random bytes: CPU-bound, seconds) that the second run surely starts while the
        // first holds the lock; with 80 MB written uncompressed, a quiet machine finished before the test could look.
        ws.WriteRandomData(files: 4, megabytesEach: 60);
        ws.WritePlan("", """
              - name: big
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local]
                compress: gzip
            """);
    }

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Two_engine_runs_started_together_make_one_backup_and_one_busy_report()
    {
        await using var a = await ws.OpenEngineAsync();
        await using var b = await ws.OpenEngineAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(async () =>
        {
            await go.Task;
            return await a.RunAsync("big");
        });
        var second = Task.Run(async () =>
        {
            await go.Task;
            return await b.RunAsync("big");
        });

        go.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Single(results, r => r.Busy);
        var ran = Assert.Single(results, r => !r.Busy);
        Assert.Equal(BackupStatus.Complete, ran.Status);
        AssertOneBackupAndOneBusyLine(ran.Record!.Artifact);
    }

    [Fact]
    public async Task A_run_while_another_process_runs_the_job_reports_busy_and_writes_nothing()
    {
        using var child = ws.StartJaga("backup", "run", "big");
        await Growing.PartialAsync(ws.Local, 1024 * 1024, () => child.Output, () => child.HasExited);

        var second = await ws.JagaAsync("backup", "run", "big");
        await child.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(second.Code == 1, second.ToString());
        Assert.Contains("skipped: already running", second.Out, StringComparison.Ordinal);
        Assert.True(child.ExitCode == 0, child.Output);
        var record = Assert.Single(await ws.ListAsync())!;
        Assert.Equal("complete", (string?)record["status"]);
        AssertOneBackupAndOneBusyLine((string)record["artifact"]!);
    }

    private void AssertOneBackupAndOneBusyLine(string artifact)
    {
        Assert.Equal([artifact, artifact + ".manifest.json"], FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
        var busy = Assert.Single(ws.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal));
        Assert.Contains("Backup big skipped: already running", busy, StringComparison.Ordinal);
    }
}
