using Jaga.Core.Updates;
using Jaga.Core.Updates.Registries;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;

namespace Jaga.NuGet;

/// <summary>Opens the NuGet package sources a folder's NuGet.Config hierarchy names (NuGet.Configuration), asked through
/// NuGet.Protocol with answers kept under <see cref="RegistryContext.CacheFolder"/>.</summary>
public sealed class NuGetRegistryAdapter : IRegistryAdapter
{
    public Ecosystem Ecosystem => Ecosystem.NuGet;

    public IPackageRegistry Open(RegistryContext context)
    {
        var cacheFolder = Path.Combine(context.CacheFolder, "nuget");
        var configuration = NuGetConfiguration.Load(context.Folder, context.Environment, cacheFolder);
        var proxies = new ProxyCache(configuration.Settings, new EnvironmentReader(context.Environment));
        var timeout = context.Http.Timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(100) : context.Http.Timeout;
        var cacheContext = new SourceCacheContext
        {
            // NuGet's max-age cache is replaced by ValidatingCache, which revalidates with ETag / Last-Modified.
            NoCache = true,
            DirectDownload = true,
            GeneratedTempFolder = Path.Combine(cacheFolder, "tmp"),
        };
        var sources = configuration.Sources
            .Select(source => new NuGetSource(source, Providers(proxies, cacheContext, context.Offline, () => new ValidatingCache(
                Path.Combine(cacheFolder, "http"), context.Clock, context.Offline, context.FreshFor, timeout)), cacheContext))
            .ToList();
        return new NuGetRegistry(sources, configuration.Mapping, context.Concurrency);
    }

    /// <summary>NuGet's V3 providers, one list per source, with its HTTP handler replaced by
    /// <see cref="CachedHttpHandlerProvider"/> and its HTTP source by <see cref="DirectHttpSourceProvider"/>, and
    /// without the credential-provider plugins (they start processes and may prompt; credentials come from
    /// NuGet.Config).</summary>
    private static List<Lazy<INuGetResourceProvider>> Providers(ProxyCache proxies, SourceCacheContext direct, bool offline, Func<ValidatingCache> cache) =>
    [
        .. Repository.Provider.GetCoreV3().Where(p => p.Value is not (HttpHandlerResourceV3Provider or HttpSourceResourceProvider
            or PluginResourceProvider or PluginFindPackageByIdResourceProvider)),
        new(() => new CachedHttpHandlerProvider(proxies, cache)),
        new(() => new DirectHttpSourceProvider(direct, direct.GeneratedTempFolder, offline)),
    ];
}
