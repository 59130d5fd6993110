using System.Net;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace Jaga.NuGet;

/// <summary>NuGet's HTTP pipeline for one source as <c>HttpHandlerResourceV3Provider</c> builds it (proxy from the
/// configuration, the source's credentials answering a <c>401</c> challenge), with <see cref="ValidatingCache"/> between
/// the authentication handler and the socket handler, and without credential-provider plugins or prompts.</summary>
internal sealed class CachedHttpHandlerProvider(ProxyCache proxies, Func<ValidatingCache> cache)
    : ResourceProvider(typeof(HttpHandlerResource), nameof(CachedHttpHandlerProvider), NuGetResourceProviderPositions.First)
{
    public override Task<Tuple<bool, INuGetResource?>> TryCreate(SourceRepository source, CancellationToken token)
    {
        if (!source.PackageSource.IsHttp)
        {
            return Task.FromResult(new Tuple<bool, INuGetResource?>(false, null));
        }
        var client = new HttpClientHandler
        {
            Proxy = proxies.GetProxy(source.PackageSource.SourceUri),
            AutomaticDecompression = DecompressionMethods.All,
        };
        var validating = cache();
        validating.InnerHandler = client;
        var authenticating = new HttpSourceAuthenticationHandler(source.PackageSource, client, credentialService: null) { InnerHandler = validating };
        return Task.FromResult(new Tuple<bool, INuGetResource?>(true, new HttpHandlerResourceV3(client, authenticating)));
    }
}
