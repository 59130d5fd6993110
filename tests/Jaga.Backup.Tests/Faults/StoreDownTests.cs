using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The S3 store down for a whole run of a job that backs up to a local folder and to it.</summary>
[Collection(FaultServers.Name)]
public sealed class StoreDownTests(SwiftServer swift) : IAsyncLifetime, IDisposable
{
    private readonly FaultWorkspace ws = new();

    public Task InitializeAsync() => swift.StartAsync();

    // A test that fails halfway must not leave the next one without a store.
    public Task DisposeAsync() => swift.StartAsync();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task A_run_while_the_store_is_down_is_partial_naming_it_keeps_a_good_local_copy_and_the_next_run_stores_both()
    {
        var bucket = await swift.CreateBucketAsync();
        ws.WriteRandomData(files: 1, megabytesEach: 1);
        ws.WritePlan(DestinationLines.S3("cloud", swift, bucket), """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, cloud]
            """);
        await using var engine = await ws.OpenEngineAsync();
        swift.Stop();

        var down = await engine.RunAsync("files");

        Assert.Equal(BackupStatus.Partial, down.Status);
        Assert.Contains(engine.Retries, r => r.StartsWith("cloud#", StringComparison.Ordinal));
        Assert.StartsWith("cloud: ", down.Record!.Detail, StringComparison.Ordinal);
        Assert.Contains(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal) && l.Contains("failed: cloud: ", StringComparison.Ordinal));
        var verified = await new BackupVerifier(engine.Services).VerifyAsync(down.Record, restore: true);
        Assert.True(verified.Ok, verified.Summary);

        await swift.StartAsync();
        var up = await engine.RunAsync("files");

        Assert.Equal(BackupStatus.Complete, up.Status);
        Assert.All(up.Record!.Copies, c => Assert.Equal(CopyState.Stored, c.State));
    }
}
