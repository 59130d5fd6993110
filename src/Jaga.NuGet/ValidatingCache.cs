using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jaga.Core.Updates.Registries;

namespace Jaga.NuGet;

/// <summary>The HTTP cache of one NuGet source, below NuGet's own pipeline (its authentication handler above, the
/// socket handler below): an answer younger than <paramref name="freshFor"/> (or the source's own <c>Cache-Control</c>
/// limit, when shorter: <see cref="RegistryFreshness"/>) is served as is; an older one is
/// revalidated with its validators (<c>If-None-Match</c> / <c>If-Modified-Since</c>), a <c>304</c> serving the stored
/// body; offline, whatever is stored is served and nothing else is asked.</summary>
/// <remarks>NuGet's own HTTP cache is only max-age based (a stale entry is downloaded again in full), so Jaga turns it
/// off (<c>NoCache</c>, <c>DirectDownload</c>) and keeps its answers here instead. Entries are named by a hash of the
/// URL, never the URL (a source URL can carry a token); <c>200</c> and <c>404</c> answers are kept (a package that is
/// not on a source is an answer too).</remarks>
internal sealed class ValidatingCache(string folder, TimeProvider clock, bool offline, TimeSpan freshFor, TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is null)
        {
            return offline ? throw new NotCachedException() : await Ask(request, cancellationToken);
        }
        var path = Path.Combine(folder, Key(request.RequestUri));
        var entry = await Entry.ReadAsync(path, cancellationToken);
        var now = clock.GetUtcNow();
        if (entry is not null && (offline || RegistryFreshness.IsFresh(entry.Meta.Stored, entry.Meta.Limit, freshFor, now)))
        {
            return entry.Response(request);
        }
        if (offline)
        {
            throw new NotCachedException();
        }
        if (entry?.Meta.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        if (entry?.Meta.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }
        var response = await Ask(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && entry is not null)
        {
            response.Dispose();
            var limit = RegistryFreshness.Limit(response.Headers.CacheControl);
            var renewed = entry with { Meta = entry.Meta with { Stored = now, MaxAgeSeconds = limit?.TotalSeconds ?? entry.Meta.MaxAgeSeconds } };
            await renewed.WriteAsync(path, cancellationToken);
            return renewed.Response(request);
        }
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            return response;
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var fresh = new Entry(
                new EntryMeta((int)response.StatusCode, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified, now,
                    response.Content.Headers.ContentType?.ToString(), RegistryFreshness.Limit(response.Headers.CacheControl)?.TotalSeconds),
                body);
            await fresh.WriteAsync(path, cancellationToken);
            return fresh.Response(request);
        }
    }

    /// <summary>One request to the source, bounded by the timeout (NuGet's own is 100 s a try, six tries).</summary>
    private async Task<HttpResponseMessage> Ask(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await base.SendAsync(request, bounded.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0} s", e);
        }
    }

    private static string Key(Uri uri) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uri.AbsoluteUri)));

    private sealed record EntryMeta(int Status, string? ETag, DateTimeOffset? LastModified, DateTimeOffset Stored, string? ContentType,
        double? MaxAgeSeconds = null)
    {
        [JsonIgnore]
        public TimeSpan? Limit => MaxAgeSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>A stored answer: one file, its first line the metadata as JSON, the rest the body, replaced whole so a
    /// reader never sees half of one.</summary>
    private sealed record Entry(EntryMeta Meta, byte[] Body)
    {
        public static async Task<Entry?> ReadAsync(string path, CancellationToken ct)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, ct);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            var newline = Array.IndexOf(bytes, (byte)'\n');
            try
            {
                return newline < 0 || JsonSerializer.Deserialize<EntryMeta>(bytes.AsSpan(0, newline)) is not { } meta
                    ? null
                    : new Entry(meta, bytes[(newline + 1)..]);
            }
            catch (JsonException)
            {
                // A damaged entry is asked again, as if it were not there.
                return null;
            }
        }

        public async Task WriteAsync(string path, CancellationToken ct)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            await using (var file = File.Create(temporary))
            {
                await file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(Meta), ct);
                file.WriteByte((byte)'\n');
                await file.WriteAsync(Body, ct);
            }
            File.Move(temporary, path, overwrite: true);
        }

        public HttpResponseMessage Response(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(Body);
            if (Meta.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var media))
            {
                content.Headers.ContentType = media;
            }
            return new HttpResponseMessage((HttpStatusCode)Meta.Status) { RequestMessage = request, Content = content };
        }
    }
}
