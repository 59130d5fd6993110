using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace Jaga.NuGet;

/// <summary>NuGet's <see cref="HttpSource"/> with its disk cache bypassed for every request, the service index
/// included (NuGet reads that one with a cache context of its own, kept 30 minutes under the user's global
/// <c>v3-cache</c>, in a folder named partly after the source URL): <see cref="ValidatingCache"/>, below, keeps the
/// answers instead. Offline, a request is tried once: the answer comes from that cache or not at all, and NuGet's retries
/// of a miss (with their pauses) only made an offline run wait.</summary>
internal sealed class DirectHttpSource(PackageSource source, Func<Task<HttpHandlerResource>> handler, SourceCacheContext direct, bool offline)
    : HttpSource(source, handler, NullThrottle.Instance)
{
    public override Task<T> GetAsync<T>(HttpSourceCachedRequest request, Func<HttpSourceResult, Task<T>> processAsync, ILogger log, CancellationToken token)
    {
        var uncached = new HttpSourceCachedRequest(request.Uri, request.CacheKey, HttpSourceCacheContext.Create(direct, isFirstAttempt: true))
        {
            IgnoreNotFounds = request.IgnoreNotFounds,
            MaxTries = offline ? 1 : request.MaxTries,
            EnsureValidContents = request.EnsureValidContents,
            RequestTimeout = request.RequestTimeout,
            DownloadTimeout = request.DownloadTimeout,
            IsRetry = request.IsRetry,
            IsLastAttempt = request.IsLastAttempt,
        };
        foreach (var accept in request.AcceptHeaderValues)
        {
            uncached.AcceptHeaderValues.Add(accept);
        }
        return base.GetAsync(uncached, processAsync, log, token);
    }
}
