using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace Jaga.NuGet;

/// <summary>Stands in for NuGet's <c>HttpSourceResourceProvider</c>: the one <see cref="DirectHttpSource"/> of the
/// source this provider list serves.</summary>
internal sealed class DirectHttpSourceProvider(SourceCacheContext direct, string scratchFolder, bool offline)
    : ResourceProvider(typeof(HttpSourceResource), nameof(DirectHttpSourceProvider), NuGetResourceProviderPositions.First)
{
    private HttpSourceResource? resource;

    public override Task<Tuple<bool, INuGetResource?>> TryCreate(SourceRepository source, CancellationToken token)
    {
        if (!source.PackageSource.IsHttp)
        {
            return Task.FromResult(new Tuple<bool, INuGetResource?>(false, null));
        }
        // Racing callers may build two; one wins, and both wrap the same handler resource of the repository.
        resource ??= new HttpSourceResource(
            new DirectHttpSource(source.PackageSource, async () => await source.GetResourceAsync<HttpHandlerResource>()
                ?? throw new InvalidOperationException("CachedHttpHandlerProvider serves every HTTP source"), direct, offline)
            {
                // Never written to (every request bypasses the disk cache), but set so NuGet does not look for its
                // global cache folder in the process environment.
                HttpCacheDirectory = scratchFolder,
            });
        return Task.FromResult(new Tuple<bool, INuGetResource?>(true, resource));
    }
}
