using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>A run cancelled mid-stream (what SIGTERM does to <c>jaga</c>): interrupted, nothing kept, nothing left behind.</summary>
[Collection(FaultServers.Name)]
public sealed class CancelledRunTests(SshServer ssh) : IDisposable
{
    private readonly FaultWorkspace ws = new();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task A_run_cancelled_mid_stream_is_recorded_interrupted_with_no_artifact_listed_and_no_leftover()
    {
        await ssh.StartAsync();
        var remote = await ssh.CreateFolderAsync();
        ws.WriteRandomData(files: 2, megabytesEach: 100);
        ws.WritePlan(
            $"  offsite: {{ sftp: \"{ssh.Url(remote)}\", key_file: \"{ssh.ClientKeyFile}\", fingerprint: \"{ssh.HostKeyFingerprint}\" }}",
            """
              - name: big
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, offsite]
                compress: gzip
            """);
        await using var engine = await ws.OpenEngineAsync();
        using var stop = new CancellationTokenSource();

        var run = engine.RunAsync("big", stop.Token);
        await Growing.PartialAsync(ws.Local, 8 * 1024 * 1024, () => run.Exception?.ToString() ?? "", () => run.IsCompleted);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var record = Assert.Single(await engine.Catalog.ListAsync("big"));
        Assert.Equal(BackupStatus.Interrupted, record.Status);
        Assert.Null(record.Manifest);
        Assert.Null(record.Sha256);
        Assert.Empty(FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
        Assert.Empty(FaultWorkspace.Visible(remote));
        Assert.Empty(FaultWorkspace.Partials(remote));
        Assert.Contains(ws.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal) && l.Contains("stopped before it finished", StringComparison.Ordinal));
        var listed = Assert.Single(await ws.ListAsync())!;
        Assert.Equal("interrupted", (string?)listed["status"]);
        Assert.Null(listed["sha256"]);
    }

    [Fact]
    public async Task Jaga_stopped_by_sigterm_mid_backup_records_the_run_interrupted_and_leaves_nothing_behind()
    {
        ws.WriteRandomData(files: 3, megabytesEach: 100);
        ws.WritePlan("", """
              - name: big
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local]
                compress: gzip
            """);

        using (var child = ws.StartJaga("backup", "run", "big"))
        {
            await Growing.PartialAsync(ws.Local, 8 * 1024 * 1024, () => child.Output, () => child.HasExited);
            await child.TerminateAsync();
            await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(child.ExitCode == 1, $"exit {child.ExitCode}: {child.Output}");
            Assert.Contains("jaga: stopped by a signal", child.Output, StringComparison.Ordinal);
        }

        var record = Assert.Single(await ws.ListAsync())!;
        Assert.Equal("interrupted", (string?)record["status"]);
        Assert.Null(record["sha256"]);
        Assert.Empty(FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
        Assert.Contains(ws.LogLines(), l => l.Contains("[WARN]", StringComparison.Ordinal) && l.Contains("stopped before it finished", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_cancelled_after_its_artifact_was_committed_but_before_its_manifest_leaves_no_artifact_once_the_next_run_is_done(bool deleteFails)
    {
        ws.WriteRandomData(files: 1, megabytesEach: 1);
        ws.WritePlan("", """
              - name: small
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local]
            """);
        await using var engine = await ws.OpenEngineAsync();
        using var stop = new CancellationTokenSource();
        var tripped = engine.Services with { Connectors = new TripwireConnectors(engine.Services.Connectors, stop, refuseDeletes: deleteFails) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BackupRunner(tripped).RunAsync(tripped.Plan.Plan.Backup.Single(j => j.Name == "small"), ct: stop.Token));

        var record = Assert.Single(await engine.Catalog.ListAsync("small"));
        Assert.Equal(BackupStatus.Interrupted, record.Status);
        // Deleted at once; when the destination would not let it, it is still no backup: no manifest.
        Assert.Equal(deleteFails ? [record.Artifact] : [], FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));

        var next = await engine.RunAsync("small");

        Assert.Equal(BackupStatus.Complete, next.Status);
        Assert.Equal([next.Record!.Artifact, next.Record.Artifact + ".manifest.json"], FaultWorkspace.Visible(ws.Local));
    }
}
