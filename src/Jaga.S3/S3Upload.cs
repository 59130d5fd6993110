using Amazon.S3.Model;
using Jaga.Core.Ports;

namespace Jaga.S3;

/// <summary>One object on its way to S3. Bytes gather in a single part buffer; once it is full and more bytes come,
/// a multipart upload starts and the part is sent (retried), so memory stays one part whatever the object's size.
/// An object that fits in one part is sent with a single PutObject at commit, and until then exists nowhere.</summary>
/// <remarks>Any failure aborts the multipart upload before it is reported; if even that fails, the upload is a
/// leftover the next run finds. Abort and dispose are best effort for the same reason.</remarks>
internal sealed class S3Upload : IArtifactUpload
{
    /// <summary>S3's smallest part. The contract suite expects a leftover once 6 MiB are written, so no larger.</summary>
    public const int FirstPartSize = 5 * 1024 * 1024;

    private const int MaxParts = 10_000;
    private const int LargestPartSize = 128 * 1024 * 1024;
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    private readonly S3Destination owner;
    private readonly string name;
    private readonly string key;
    private readonly List<PartETag> parts = [];
    private byte[] buffer = new byte[FirstPartSize];
    private int filled;
    private string? uploadId;
    private bool finished;

    public S3Upload(S3Destination owner, string name)
    {
        this.owner = owner;
        this.name = name;
        key = owner.Location.KeyOf(name);
    }

    /// <summary>S3 allows 10,000 parts: parts double every 1,000 (5, 10, 20, 40, 80 MiB, then 128 MiB), so an object
    /// can reach about 776 GiB while a small one still costs 5 MiB of memory.</summary>
    internal static int PartSize(int partNumber) => Math.Min(FirstPartSize << Math.Min((partNumber - 1) / 1000, 5), LargestPartSize);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        EnsureOpen();
        try
        {
            while (!data.IsEmpty)
            {
                // A full buffer is sent only when more bytes come, so a commit always has a last part to send.
                if (filled == buffer.Length)
                {
                    await UploadPartAsync(ct);
                    if (buffer.Length != PartSize(parts.Count + 1)) buffer = new byte[PartSize(parts.Count + 1)];
                }
                var n = Math.Min(data.Length, buffer.Length - filled);
                data.Span[..n].CopyTo(buffer.AsSpan(filled));
                filled += n;
                data = data[n..];
            }
        }
        catch (Exception e)
        {
            var aftermath = await AbortAfterFailureAsync();
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            throw owner.Failures.From(e, $"writing {name}", aftermath);
        }
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        EnsureOpen();
        try
        {
            if (uploadId is null)
            {
                await owner.Retry.ExecuteAsync(PutAsync, ct);
            }
            else
            {
                await UploadPartAsync(ct);
                // Not retried: a retry after a lost answer finds the upload gone and would report a failure that was not.
                await owner.Client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = owner.Location.Bucket, Key = key, UploadId = uploadId, PartETags = parts }, ct);
            }
            Release();
        }
        catch (Exception e)
        {
            var aftermath = await AbortAfterFailureAsync();
            if (e is OperationCanceledException && ct.IsCancellationRequested) throw;
            throw owner.Failures.From(e, $"committing {name}", aftermath);
        }
    }

    public async Task AbortAsync(CancellationToken ct = default)
    {
        if (finished) return;
        Release();
        if (uploadId is not null) await TryAbortMultipartAsync();
    }

    public async ValueTask DisposeAsync() => await AbortAsync();

    private async ValueTask PutAsync(CancellationToken ct) =>
        await owner.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = owner.Location.Bucket,
            Key = key,
            // A fresh stream over the same bytes for every attempt: a retry sends them again from the start.
            InputStream = new MemoryStream(buffer, 0, filled, writable: false),
            UseChunkEncoding = owner.UseChunkEncoding,
        }, ct);

    private async Task UploadPartAsync(CancellationToken ct)
    {
        var number = parts.Count + 1;
        if (number > MaxParts)
            throw new DestinationException(owner.Name, $"{owner.Name}: {name} is larger than S3's {MaxParts:N0} parts allow", transient: false);
        uploadId ??= await owner.Retry.ExecuteAsync(InitiateAsync, ct);
        parts.Add(await owner.Retry.ExecuteAsync(SendPartAsync, (number, filled), ct));
        filled = 0;
    }

    private async ValueTask<string> InitiateAsync(CancellationToken ct) =>
        (await owner.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = owner.Location.Bucket, Key = key }, ct)).UploadId;

    /// <summary>Sends one part; its checksums go into the part list, since AWS refuses to complete an upload whose
    /// parts were sent with the SDK's default checksums when the list lacks them.</summary>
    private async ValueTask<PartETag> SendPartAsync((int Number, int Length) part, CancellationToken ct) =>
        new(await owner.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = owner.Location.Bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = part.Number,
            PartSize = part.Length,
            InputStream = new MemoryStream(buffer, 0, part.Length, writable: false),
            UseChunkEncoding = owner.UseChunkEncoding,
        }, ct), copyChecksums: true);

    /// <summary>After a failure: abort what was started, and say what became of it.</summary>
    private async Task<string?> AbortAfterFailureAsync()
    {
        Release();
        if (uploadId is null) return null;
        return await TryAbortMultipartAsync()
            ? "the upload was aborted"
            : "its unfinished multipart upload is left for the next run to remove";
    }

    private async Task<bool> TryAbortMultipartAsync()
    {
        try
        {
            // Not the caller's token: an abort is also what a cancelled upload needs.
            using var timeout = new CancellationTokenSource(AbortTimeout);
            await owner.Client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = owner.Location.Bucket, Key = key, UploadId = uploadId }, timeout.Token);
            return true;
        }
        catch (Exception e)
        {
            return S3Failures.IsNotFound(e);
        }
    }

    private void Release()
    {
        finished = true;
        buffer = [];
        filled = 0;
    }

    private void EnsureOpen()
    {
        if (finished) throw new InvalidOperationException($"the upload of {name} is already committed, aborted or failed");
    }
}
