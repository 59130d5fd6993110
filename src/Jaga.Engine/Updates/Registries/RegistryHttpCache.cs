using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Updates.Registries;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Jaga.Engine.Updates.Registries;

/// <summary>GETs registry documents through a cache on disk. A cached document younger than its freshness window
/// (<see cref="RegistryFreshness"/>) is used without asking; an older one is revalidated with the validators it came
/// with (ETag → If-None-Match, Last-Modified → If-Modified-Since), and a 304 is answered from the cache and starts its
/// window again; offline, only the cache answers. Requests to one registry wait for its gate; 5xx, 429 and timeouts are
/// retried.</summary>
/// <remarks>Cache file names are a hash of the URL and the Accept header: a URL here never carries credentials (they go
/// in the Authorization header), so no name or file holds a token.</remarks>
internal sealed class RegistryHttpCache
{
    private const int Retries = 3;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);

    private readonly RegistryContext context;
    private readonly ResiliencePipeline<HttpResponseMessage> retry;

    public RegistryHttpCache(RegistryContext context)
    {
        this.context = context;
        retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = context.Clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Retries,
                Delay = FirstPause,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(AttemptTimeout)
            .Build();
    }

    /// <summary>The document at <paramref name="url"/> as <paramref name="accept"/> asks for it, sent with
    /// <paramref name="auth"/> once <paramref name="gate"/> (the registry's) lets the request through.
    /// <paramref name="condense"/> gives what to keep of a new document (the registry's reader's own smaller form of it,
    /// read the same way), or null to keep it as received.</summary>
    public async Task<RegistryFetch> GetAsync(Uri url, string accept, AuthenticationHeaderValue? auth, SemaphoreSlim gate,
        Func<byte[], byte[]?>? condense, CancellationToken ct)
    {
        var file = Path.Combine(context.CacheFolder, FileName(url, accept));
        var cached = await ReadAsync(file, ct);
        if (context.Offline) return cached is null ? new RegistryFetch.NotCached() : new RegistryFetch.Document(cached.Body, cached.MediaType, FromCache: true);
        var now = context.Clock.GetUtcNow();
        if (cached is not null && RegistryFreshness.IsFresh(cached.Stored, cached.MaxAge, context.FreshFor, now))
            return new RegistryFetch.Document(cached.Body, cached.MediaType, FromCache: true);

        await gate.WaitAsync(ct);
        try
        {
            using var response = await retry.ExecuteAsync(async token => await SendAsync(url, accept, auth, cached, token), ct);
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                // Confirmed: its window starts again (a 304 may carry a new Cache-Control).
                var limit = RegistryFreshness.Limit(response.Headers.CacheControl);
                var renewed = cached with { Stored = context.Clock.GetUtcNow(), MaxAgeSeconds = limit is { } l ? Seconds(l) : cached.MaxAgeSeconds };
                await WriteAsync(file, renewed, ct);
                return new RegistryFetch.Document(cached.Body, cached.MediaType, FromCache: true);
            }
            if (IsTransientStatus(response.StatusCode))
                return new RegistryFetch.Unreachable(context.Words.Format("reason.registry.transient.status", (int)response.StatusCode, Retries + 1));
            if (!response.IsSuccessStatusCode) return new RegistryFetch.Refused(response.StatusCode);

            var received = await response.Content.ReadAsByteArrayAsync(ct);
            var body = condense?.Invoke(received) ?? received;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var modified = response.Content.Headers.TryGetValues("Last-Modified", out var m) ? m.FirstOrDefault() : null;
            var maxAge = RegistryFreshness.Limit(response.Headers.CacheControl);
            var entry = new CacheEntry(url.AbsoluteUri, response.Headers.ETag?.ToString(), modified, mediaType, context.Clock.GetUtcNow())
            {
                Body = body,
                MaxAgeSeconds = maxAge is { } a ? Seconds(a) : null,
            };
            await WriteAsync(file, entry, ct);
            return new RegistryFetch.Document(body, mediaType, FromCache: false);
        }
        catch (HttpRequestException e)
        {
            return new RegistryFetch.Unreachable(Describe(e));
        }
        catch (TimeoutRejectedException)
        {
            return new RegistryFetch.Unreachable(context.Words.Format("reason.registry.transient.timeout", AttemptTimeout.TotalSeconds, Retries + 1));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new RegistryFetch.Unreachable(context.Words.Format("reason.registry.transient.timeout", context.Http.Timeout.TotalSeconds, Retries + 1));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The cache file of a URL: a hash, so no part of the URL (a path, a package name) shapes a file name.</summary>
    public static string FileName(Uri url, string accept) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri + "\n" + accept))) + ".entry";

    private async Task<HttpResponseMessage> SendAsync(Uri url, string accept, AuthenticationHeaderValue? auth, CacheEntry? cached, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.Authorization = auth;
        if (cached?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (cached?.LastModified is { } modified) request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        return await context.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken ct) => outcome switch
    {
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        { Exception: TimeoutRejectedException } => true,
        // HttpClient's own timeout: a cancellation nobody asked for.
        { Exception: OperationCanceledException } => !ct.IsCancellationRequested,
        // A connection refused or a name that does not resolve will not change in a second: no retry.
        { Exception: HttpRequestException { InnerException: SocketException } } => false,
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError } } => true,
        _ => false,
    };

    private static long Seconds(TimeSpan span) => (long)Math.Min(span.TotalSeconds, int.MaxValue);

    private static bool IsTransientStatus(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private string Describe(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => context.Words["reason.registry.connection.refused"],
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => context.Words["reason.registry.connection.nohost"],
            _ => socket.Message,
        } : e.Message;

    private static async Task<CacheEntry?> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            return CacheEntry.FromBytes(await File.ReadAllBytesAsync(file, ct));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes beside the file and renames over it: a reader sees the old entry or the new one, never half.</summary>
    private static async Task WriteAsync(string file, CacheEntry entry, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, entry.ToBytes(), ct);
            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
