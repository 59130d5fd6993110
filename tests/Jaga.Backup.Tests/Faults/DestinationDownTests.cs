using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>An SFTP destination that is down while a job backs up to a local folder and to it.</summary>
[Collection(FaultServers.Name)]
public sealed class DestinationDownTests(SshServer ssh) : IAsyncLifetime, IDisposable
{
    private readonly FaultWorkspace ws = new();
    private string remote = "";

    public async Task InitializeAsync()
    {
        await ssh.StartAsync();
        remote = await ssh.CreateFolderAsync();
        ws.WriteRandomData(files: 2, megabytesEach: 1);
        ws.WritePlan(
            $"  offsite: {{ sftp: \"{ssh.Url(remote)}\", key_file: \"{ssh.ClientKeyFile}\", fingerprint: \"{ssh.HostKeyFingerprint}\" }}",
            """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, offsite]
                keep: { last: 1 }
            """);
    }

    // A test that fails halfway must not leave the next one without a server.
    public Task DisposeAsync() => ssh.StartAsync();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task A_run_while_a_destination_is_down_retries_then_is_partial_naming_it_with_a_good_local_copy()
    {
        await using var engine = await ws.OpenEngineAsync();
        ssh.Stop();

        var result = await engine.RunAsync("files");

        Assert.Equal(BackupStatus.Partial, result.Status);
        Assert.Contains(engine.Retries, r => r.StartsWith("offsite#", StringComparison.Ordinal));
        var record = result.Record!;
        Assert.Equal(CopyState.Stored, record.Copies.Single(c => c.Destination == "local").State);
        Assert.Equal(CopyState.Failed, record.Copies.Single(c => c.Destination == "offsite").State);
        Assert.StartsWith("offsite: ", record.Detail, StringComparison.Ordinal);
        var line = Assert.Single(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal) && l.Contains("finished only in part", StringComparison.Ordinal));
        Assert.Contains("finished only in part", line, StringComparison.Ordinal);
        Assert.Contains("failed: offsite: ", line, StringComparison.Ordinal);
        Assert.Contains($"{SshServer.Host}:{ssh.Port}", line, StringComparison.Ordinal);

        var verified = await new BackupVerifier(engine.Services).VerifyAsync(record, restore: true);
        Assert.True(verified.Ok, verified.Summary);
        Assert.Equal([record.Artifact, record.Artifact + ".manifest.json"], FaultWorkspace.Visible(ws.Local));
        Assert.Empty(FaultWorkspace.Partials(ws.Local));
    }

    [Fact]
    public async Task Retention_deletes_nothing_at_a_destination_that_is_down_and_prunes_there_once_a_run_succeeds_again()
    {
        await using var engine = await ws.OpenEngineAsync();
        var first = (await engine.RunAsync("files")).Record!;
        Assert.Equal(BackupStatus.Complete, first.Status);
        string[] firstFiles = [first.Artifact, first.Artifact + ".manifest.json"];
        Assert.Equal(firstFiles, FaultWorkspace.Visible(remote));

        ssh.Stop();
        var second = (await engine.RunAsync("files")).Record!;

        Assert.Equal(BackupStatus.Partial, second.Status);
        // keep { last: 1 }, but a partial run deletes nothing anywhere: the first backup stays at both destinations.
        Assert.Equal(firstFiles.Concat([second.Artifact, second.Artifact + ".manifest.json"]).Order(StringComparer.Ordinal), FaultWorkspace.Visible(ws.Local));
        Assert.Equal(firstFiles, FaultWorkspace.Visible(remote));
        var kept = await engine.Catalog.FindAsync(first.Id);
        Assert.Equal(CopyState.Stored, kept!.Copies.Single(c => c.Destination == "local").State);
        Assert.Equal(CopyState.Stored, kept.Copies.Single(c => c.Destination == "offsite").State);
        Assert.DoesNotContain(ws.LogLines(), l => l.Contains("could not remove", StringComparison.Ordinal));

        await ssh.StartAsync();
        var third = (await engine.RunAsync("files")).Record!;

        Assert.Equal(BackupStatus.Complete, third.Status);
        string[] thirdFiles = [third.Artifact, third.Artifact + ".manifest.json"];
        Assert.Equal(thirdFiles.Order(StringComparer.Ordinal), FaultWorkspace.Visible(remote));
        Assert.Equal(thirdFiles.Order(StringComparer.Ordinal), FaultWorkspace.Visible(ws.Local));
        Assert.Null(await engine.Catalog.FindAsync(first.Id));
        Assert.Empty(FaultWorkspace.Partials(remote));
        Assert.Contains(ws.LogLines(), l => l.Contains("[INFO]", StringComparison.Ordinal) && l.Contains(first.Artifact, StringComparison.Ordinal)
            && l.Contains("keep { last: 1 }", StringComparison.Ordinal) && l.Contains(ssh.Url(remote), StringComparison.Ordinal));
    }
}
