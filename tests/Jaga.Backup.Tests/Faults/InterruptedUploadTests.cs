using Amazon.S3.Model;
using Jaga.Core.Ports;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The S3 store going away while a multipart upload of a backup is in progress.</summary>
[Collection(FaultServers.Name)]
public sealed class InterruptedUploadTests(SwiftServer swift) : IAsyncLifetime, IDisposable
{
    private readonly FaultWorkspace ws = new();

    public Task InitializeAsync() => swift.StartAsync();

    // A test that fails halfway must not leave the next one without a store.
    public Task DisposeAsync() => swift.StartAsync();

    public void Dispose() => ws.Dispose();

    [Fact]
    public async Task An_upload_cut_off_mid_way_leaves_no_object_and_its_multipart_upload_is_gone_after_the_next_run()
    {
        var bucket = await swift.CreateBucketAsync();
        ws.WriteRandomData(files: 3, megabytesEach: 10);
        ws.WritePlan(DestinationLines.S3("cloud", swift, bucket), """
              - name: files
                source: { files: [data/] }
                schedule: "0 2 * * *"
                to: [local, cloud]
                compress: none
            """);
        await using var engine = await ws.OpenEngineAsync();

        var run = engine.RunAsync("files");
        try
        {
            await WhileUploadingAsync(bucket, run);
        }
        finally
        {
            swift.Stop();
        }
        var cut = await run;
        await swift.StartAsync();

        Assert.Equal(BackupStatus.Partial, cut.Status);
        Assert.Equal(CopyState.Failed, cut.Record!.Copies.Single(c => c.Destination == "cloud").State);
        Assert.Contains(ws.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal) && l.Contains("failed: cloud: ", StringComparison.Ordinal));
        Assert.Empty(await ObjectsAsync(bucket));

        var next = await engine.RunAsync("files");

        Assert.Equal(BackupStatus.Complete, next.Status);
        Assert.Empty(await UploadsAsync(bucket));
        Assert.Contains(ws.LogLines(), l => l.Contains($"Unfinished upload removed from cloud: {cut.Record.Artifact}", StringComparison.Ordinal));
        Assert.Equal([next.Record!.Artifact, next.Record.Artifact + ".manifest.json"], await ObjectsAsync(bucket));
    }

    /// <summary>Returns once the run's multipart upload has a part stored, so the store goes down in the middle of it.</summary>
    private async Task WhileUploadingAsync(string bucket, Task run)
    {
        using var client = swift.CreateClient();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (run.IsCompleted) Assert.Fail($"the backup ended before its upload was under way: {run.Exception}");
            var upload = (await UploadsAsync(bucket)).FirstOrDefault();
            if (upload is not null)
            {
                var parts = await client.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = upload.Key, UploadId = upload.UploadId });
                if (parts.Parts?.Count > 0) return;
            }
            await Task.Delay(20);
        }
        Assert.Fail("no part of a multipart upload was stored within 60 s");
    }

    private async Task<List<MultipartUpload>> UploadsAsync(string bucket)
    {
        using var client = swift.CreateClient();
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = DestinationLines.S3Prefix });
        return uploads.MultipartUploads ?? [];
    }

    private async Task<string[]> ObjectsAsync(string bucket)
    {
        using var client = swift.CreateClient();
        var list = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = DestinationLines.S3Prefix });
        return (list.S3Objects ?? []).Select(o => o.Key[DestinationLines.S3Prefix.Length..]).Order(StringComparer.Ordinal).ToArray();
    }
}
