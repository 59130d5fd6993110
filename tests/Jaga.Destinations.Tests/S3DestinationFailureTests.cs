using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.S3.Model;
using Jaga.Core.Ports;
using Jaga.S3;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>What the S3 destination does when the store goes away, refuses the keys or lacks the bucket.</summary>
[Collection(SwiftCollection.Name)]
public sealed class S3DestinationFailureTests(SwiftServer swift)
{
    private const int MiB = 1024 * 1024;
    private readonly string prefix = $"backups/run-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_upload_cut_off_by_the_store_going_down_leaves_no_object_and_the_next_client_removes_its_parts()
    {
        var bucket = await swift.CreateBucketAsync();
        await using var d = new S3Destination("offsite", S3Plan.For(swift, bucket, prefix), TimeProvider.System);
        var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(RandomNumberGenerator.GetBytes(12 * MiB));

        DestinationException e;
        swift.Stop();
        try
        {
            e = await Assert.ThrowsAsync<DestinationException>(async () => await upload.WriteAsync(RandomNumberGenerator.GetBytes(5 * MiB)));
        }
        finally
        {
            await swift.StartAsync();
        }
        await upload.DisposeAsync();

        Assert.True(e.Transient);
        Assert.Contains(swift.Endpoint, e.Message, StringComparison.Ordinal);
        Assert.Contains("left for the next run", e.Message, StringComparison.Ordinal);
        await using var next = new S3Destination("offsite", S3Plan.For(swift, bucket, prefix), TimeProvider.System);
        Assert.Empty(await next.ListAsync());
        var leftover = Assert.Single(await next.ListLeftoversAsync());
        Assert.Equal("db.sql", leftover.Name);
        await next.RemoveLeftoverAsync(leftover);
        Assert.Empty(await MultipartUploadsAsync(bucket));
        Assert.Empty(await next.ListAsync());
    }

    [Fact]
    public async Task A_write_that_fails_aborts_its_multipart_upload_at_once()
    {
        var bucket = await swift.CreateBucketAsync();
        await using var d = new S3Destination("offsite", S3Plan.For(swift, bucket, prefix), TimeProvider.System);
        await using var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(RandomNumberGenerator.GetBytes(6 * MiB));
        Assert.Single(await MultipartUploadsAsync(bucket));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await upload.WriteAsync(RandomNumberGenerator.GetBytes(5 * MiB), new CancellationToken(canceled: true)));

        Assert.Empty(await MultipartUploadsAsync(bucket));
        Assert.Empty(await d.ListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => upload.CommitAsync());
    }

    [Fact]
    public async Task A_store_that_is_down_is_a_transient_failure_naming_the_endpoint_and_no_secret()
    {
        var endpoint = $"http://127.0.0.1:{UnusedPort()}";
        await using var d = new S3Destination("offsite", S3Plan.For(swift, "backups", prefix, endpoint: endpoint), TimeProvider.System);

        foreach (var attempt in (Func<Task>[])[() => d.ListAsync(), () => d.BeginAsync("db.sql")])
        {
            var e = await Assert.ThrowsAsync<DestinationException>(attempt);
            Assert.True(e.Transient);
            Assert.Equal("offsite", e.Destination);
            Assert.Contains($"cannot reach the S3 endpoint {endpoint}: connection refused", e.Message, StringComparison.Ordinal);
            AssertNoSecret(e.Message);
        }
    }

    [Fact]
    public async Task A_wrong_secret_key_is_a_permanent_failure_that_does_not_show_it()
    {
        const string WrongSecret = "not-the-secret-0xdeadbeef";
        var bucket = await swift.CreateBucketAsync();
        await using var d = new S3Destination("offsite", S3Plan.For(swift, bucket, prefix, secretKey: WrongSecret), TimeProvider.System);

        var e = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(e.Transient);
        Assert.Contains("refused the credentials", e.Message, StringComparison.Ordinal);
        AssertNoSecret(e.Message, WrongSecret);

        var begin = await Assert.ThrowsAsync<DestinationException>(() => d.BeginAsync("db.sql"));
        Assert.False(begin.Transient);
        AssertNoSecret(begin.Message, WrongSecret);
    }

    [Fact]
    public async Task A_missing_bucket_is_named_in_the_failure()
    {
        await using var d = new S3Destination("offsite", S3Plan.For(swift, "no-such-bucket", prefix), TimeProvider.System);

        var list = await Assert.ThrowsAsync<DestinationException>(() => d.ListAsync());
        Assert.False(list.Transient);
        Assert.Equal($"offsite: bucket 'no-such-bucket' does not exist at {swift.Endpoint}", list.Message);

        await using var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(new byte[] { 1, 2, 3 });
        var commit = await Assert.ThrowsAsync<DestinationException>(() => upload.CommitAsync());
        Assert.False(commit.Transient);
        Assert.Contains("bucket 'no-such-bucket' does not exist", commit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_with_a_password_in_it_is_described_without_it()
    {
        var endpoint = $"http://someone:hunter2@127.0.0.1:{swift.Port}";
        await using var d = new S3Destination("offsite", S3Plan.For(swift, "backups", "jaga", endpoint: endpoint), TimeProvider.System);

        Assert.Equal($"s3://backups/jaga at {swift.Endpoint}", d.Description);
    }

    private async Task<List<MultipartUpload>> MultipartUploadsAsync(string bucket)
    {
        using var client = swift.CreateClient();
        return (await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket })).MultipartUploads ?? [];
    }

    private static void AssertNoSecret(string message, params string[] more)
    {
        foreach (var secret in (string[])[SwiftServer.AccessKey, SwiftServer.SecretKey, .. more])
            Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
