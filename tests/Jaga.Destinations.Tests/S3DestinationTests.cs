using Amazon.S3.Model;
using Jaga.Core.Ports;
using Jaga.S3;
using Jaga.Testing;

namespace Jaga.Destinations.Tests;

/// <summary>The destination contract against a real Swift store through its S3 API, each test under a prefix of its own.</summary>
[Collection(SwiftCollection.Name)]
public sealed class S3DestinationTests(SwiftServer swift) : DestinationContract
{
    private readonly string prefix = $"backups/run-{Guid.NewGuid():N}";
    private string? bucket;

    protected override IEnumerable<string> Secrets => [SwiftServer.AccessKey, SwiftServer.SecretKey];

    protected override async Task<IBackupDestination> CreateAsync()
    {
        bucket ??= await swift.CreateBucketAsync();
        return new S3Destination("offsite", S3Plan.For(swift, bucket, prefix), TimeProvider.System);
    }

    protected override Task<IBackupDestination> ReopenAsync(IBackupDestination first) => CreateAsync();

    [Fact]
    public async Task Description_names_bucket_prefix_and_endpoint()
    {
        await using var d = await CreateAsync();
        Assert.Equal($"s3://{bucket}/{prefix} at {swift.Endpoint}", d.Description);
    }

    [Fact]
    public async Task Only_the_prefix_direct_children_are_listed()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "a.sql", [1, 2]);
        using (var client = swift.CreateClient())
        {
            foreach (var key in (string[])[$"{prefix}/deeper/b.sql", $"{prefix}x/c.sql", "elsewhere.sql"])
                await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x", UseChunkEncoding = false });
        }

        Assert.Equal([new StoredObject("a.sql", 2)], await d.ListAsync());
    }

    [Fact]
    public async Task An_object_that_fits_in_one_part_never_starts_a_multipart_upload()
    {
        await using var d = await CreateAsync();
        var upload = await d.BeginAsync("small.sql");
        await upload.WriteAsync(new byte[S3Upload.FirstPartSize]);

        Assert.Empty(await d.ListLeftoversAsync());
        await upload.CommitAsync();
        Assert.Equal(S3Upload.FirstPartSize, Assert.Single(await d.ListAsync()).Size);
    }

    [Fact]
    public async Task A_leftover_says_when_its_upload_began()
    {
        await using var d = await CreateAsync();
        await using var upload = await d.BeginAsync("db.sql");
        await upload.WriteAsync(new byte[6 * 1024 * 1024]);

        var started = Assert.Single(await d.ListLeftoversAsync()).Started;
        Assert.NotNull(started);
        Assert.InRange(started.Value, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public async Task Leftovers_of_another_prefix_are_not_ours()
    {
        await using var d = await CreateAsync();
        await using var other = new S3Destination("other", S3Plan.For(swift, bucket!, prefix + "-other"), TimeProvider.System);
        var abandoned = await other.BeginAsync("db.sql");
        await abandoned.WriteAsync(new byte[6 * 1024 * 1024]);

        Assert.Empty(await d.ListLeftoversAsync());
        await abandoned.AbortAsync();
        Assert.Empty(await other.ListLeftoversAsync());
    }
}
