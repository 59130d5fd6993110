using Amazon.S3;
using Amazon.S3.Model;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Polly;

namespace Jaga.S3;

/// <summary>A bucket and key prefix on AWS S3 or an S3-compatible store (MinIO, Ceph, Swift's s3api, ...). Objects
/// become visible only when committed: small ones with one PutObject, larger ones as a multipart upload completed at
/// commit. An upload that was never finished stays a multipart upload, which <see cref="ListLeftoversAsync"/> finds.</summary>
/// <remarks>Every call but CompleteMultipartUpload and AbortMultipartUpload is retried on transient failures
/// (4 attempts, exponential backoff from 200 ms). Messages name the bucket, prefix and endpoint, never the keys.</remarks>
public sealed class S3Destination : IBackupDestination
{
    private readonly S3Endpoint endpoint;

    /// <summary>A destination for the plan's <paramref name="config"/>: <c>s3</c> is <c>s3://bucket/prefix</c>;
    /// <c>endpoint</c>, <c>region</c> (default us-east-1), <c>path_style</c>, <c>access_key</c> and <c>secret_key</c>
    /// are optional (without keys, the AWS SDK's own credential chain applies).</summary>
    /// <param name="name">The destination's name in the plan.</param>
    /// <param name="config">Its settings.</param>
    /// <param name="waits">The clock of the pauses between retries (real time: they wait for the server).</param>
    /// <exception cref="ArgumentException">The URL or the endpoint is malformed, or only one of the keys is set.</exception>
    public S3Destination(string name, S3Store config, TimeProvider waits)
    {
        ArgumentNullException.ThrowIfNull(config);
        Name = name;
        Location = S3Location.Parse(config.S3 ?? throw new ArgumentException("not an S3 destination (no s3: URL)", nameof(config)));
        endpoint = S3Endpoint.Of(config);
        // aws-chunked uploads carry framing that Swift refuses and some stores keep inside the object.
        UseChunkEncoding = endpoint.IsAws;
        Client = endpoint.CreateClient(config);
        Retry = S3Retry.Create(waits);
        Failures = new S3Failures(name, endpoint, Location);
    }

    public string Name { get; }

    /// <summary><c>s3://bucket/prefix at endpoint</c>.</summary>
    public string Description => $"{Location} at {endpoint.Display}";

    /// <summary>The bucket and the key prefix (empty or ending in '/') every name is under.</summary>
    public S3Location Location { get; }

    internal AmazonS3Client Client { get; }

    internal ResiliencePipeline Retry { get; }

    internal S3Failures Failures { get; }

    internal bool UseChunkEncoding { get; }

    public async Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default)
    {
        Validate(name);
        if (await ExistsAsync(name, $"checking whether {name} exists", ct))
            throw new DestinationException(Name, $"{Name}: {name} already exists in {Location}", transient: false);
        return new S3Upload(this, name);
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken ct = default)
    {
        Validate(name);
        var request = new GetObjectRequest { BucketName = Location.Bucket, Key = Location.KeyOf(name) };
        try
        {
            var response = await Retry.ExecuteAsync(async t => await Client.GetObjectAsync(request, t), ct);
            return new S3ReadStream(response);
        }
        catch (Exception e) when (S3Failures.IsNotFound(e))
        {
            throw new DestinationException(Name, $"{Name}: {name} does not exist in {Location}", transient: false, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, $"reading {name}");
        }
    }

    public async Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default)
    {
        var found = new List<StoredObject>();
        // The delimiter keeps deeper keys out: names are the prefix's direct children.
        var request = new ListObjectsV2Request { BucketName = Location.Bucket, Prefix = Location.Prefix, Delimiter = "/" };
        try
        {
            do
            {
                var page = await Retry.ExecuteAsync(async t => await Client.ListObjectsV2Async(request, t), ct);
                foreach (var o in page.S3Objects ?? [])
                {
                    var name = o.Key[Location.Prefix.Length..];
                    if (name.Length > 0 && !name.Contains('/')) found.Add(new StoredObject(name, o.Size ?? 0));
                }
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, "listing");
        }
        return [.. found.OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct = default)
    {
        Validate(name);
        // S3 answers a delete of a missing key with success: ask first, to say whether it existed.
        if (!await ExistsAsync(name, $"checking whether {name} exists", ct)) return false;
        try
        {
            await Retry.ExecuteAsync(async t => await Client.DeleteObjectAsync(Location.Bucket, Location.KeyOf(name), t), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, $"deleting {name}");
        }
    }

    public async Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default)
    {
        var found = new List<Leftover>();
        var request = new ListMultipartUploadsRequest { BucketName = Location.Bucket, Prefix = Location.Prefix };
        try
        {
            while (true)
            {
                var page = await Retry.ExecuteAsync(async t => await Client.ListMultipartUploadsAsync(request, t), ct);
                foreach (var u in page.MultipartUploads ?? [])
                {
                    var name = u.Key[Location.Prefix.Length..];
                    if (name.Length > 0 && !name.Contains('/')) found.Add(new Leftover(name, u.UploadId, Utc(u.Initiated)));
                }
                if (page.IsTruncated != true) break;
                request.KeyMarker = page.NextKeyMarker;
                request.UploadIdMarker = page.NextUploadIdMarker;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, "listing unfinished uploads");
        }
        return found;
    }

    /// <summary>Aborts the multipart upload: <see cref="Leftover.Name"/> gives the key, <see cref="Leftover.Handle"/> the upload id.</summary>
    public async Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(leftover);
        Validate(leftover.Name);
        var request = new AbortMultipartUploadRequest { BucketName = Location.Bucket, Key = Location.KeyOf(leftover.Name), UploadId = leftover.Handle };
        try
        {
            await Retry.ExecuteAsync(async t => await Client.AbortMultipartUploadAsync(request, t), ct);
        }
        catch (Exception e) when (S3Failures.IsNotFound(e))
        {
            // Already gone: another run removed it.
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, $"aborting the unfinished upload of {leftover.Name}");
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> ExistsAsync(string name, string doing, CancellationToken ct)
    {
        try
        {
            await Retry.ExecuteAsync(async t => await Client.GetObjectMetadataAsync(Location.Bucket, Location.KeyOf(name), t), ct);
            return true;
        }
        catch (Exception e) when (S3Failures.IsNotFound(e))
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Failures.From(e, doing);
        }
    }

    /// <summary>The same rule as the local destination, so a job's names work on every destination it fans out to.</summary>
    private static void Validate(string name)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name is "." or ".." || name.StartsWith('.'))
            throw new ArgumentException($"not a valid object name: '{name}'", nameof(name));
    }

    private static DateTimeOffset? Utc(DateTime? t) => t switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
