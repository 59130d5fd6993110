using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>Verification while a destination is down, and a destination that cannot even be set up.</summary>
[Collection(FaultServers.Name)]
public sealed class UnreachableVerifyTests(SshServer ssh) : IAsyncLifetime, IDisposable
{
    private readonly FaultWorkspace ws = new();
    private string remote = "";

    public async Task InitializeAsync()
    {
        await ssh.StartAsync();
        remote = await ssh.CreateFolderAsync();
        ws.WriteRandomData(files: 1, megabytesEach: 1);
        ws.WritePlan(
            $$"""
              offsite: { sftp: "{{ssh.Url(remote)}}", key_file: "{{ssh.ClientKeyFile}}", fingerprint: "{{ssh.HostKeyFingerprint}}" }
              broken: { sftp: "{{ssh.Url(remote)}}", key_file: "{{ssh.ClientKeyFile}}", fingerprint: "MD5:not-a-fingerprint" }
            """,
            """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, offsite]
              - name: twice
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, broken]
            """);
    }

    public Task DisposeAsync() => ssh.StartAsync();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task Verifying_while_a_destination_is_down_fails_without_marking_its_copy_corrupt_and_restore_still_uses_it()
    {
        await using var engine = await ws.OpenEngineAsync();
        var record = (await engine.RunAsync("files")).Record!;
        Assert.Equal(BackupStatus.Complete, record.Status);

        ssh.Stop();
        var outcome = await new BackupVerifier(engine.Services).VerifyAsync(record, restore: false);
        await ssh.StartAsync();

        Assert.False(outcome.Ok);
        Assert.Contains("offsite: ", outcome.Summary, StringComparison.Ordinal);
        var offsite = outcome.Record.Copies.Single(c => c.Destination == "offsite");
        Assert.Equal(CopyState.Stored, offsite.State);
        Assert.NotNull(offsite.Detail);
        Assert.Equal(CopyState.Stored, outcome.Record.Copies.Single(c => c.Destination == "local").State);

        // Once it is back, the same copy verifies: it was never damaged.
        var again = await new BackupVerifier(engine.Services).VerifyAsync(outcome.Record, restore: false);
        Assert.True(again.Ok, again.Summary);
    }

    [Fact]
    public async Task A_destination_that_cannot_be_set_up_fails_alone_and_the_local_copy_is_made()
    {
        await using var engine = await ws.OpenEngineAsync();

        var result = await engine.RunAsync("twice");

        Assert.Equal(BackupStatus.Partial, result.Status);
        Assert.Equal(CopyState.Stored, result.Record!.Copies.Single(c => c.Destination == "local").State);
        var broken = result.Record.Copies.Single(c => c.Destination == "broken");
        Assert.Equal(CopyState.Failed, broken.State);
        Assert.Contains("fingerprint", broken.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal) && l.Contains("broken: ", StringComparison.Ordinal));
    }
}
