using Jaga.Core.Updates.Registries;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace Jaga.NuGet;

/// <summary>One package source (a V3 or V2 HTTP feed, or a local folder), asked through NuGet.Protocol's
/// <see cref="FindPackageByIdResource"/>: on a V3 feed that is the flat container (<c>/{id}/index.json</c>, one small
/// request per package), in a folder a listing of the folder.</summary>
/// <remarks>The flat container lists unlisted versions too and has no dates, so <see cref="PublishedVersion.Withdrawn"/>
/// is false and <see cref="PublishedVersion.Published"/> is null: the registration pages that know both cost one large
/// request per package. Once the source fails (unreachable, refused), every later package gets that same answer without
/// asking again, so one dead source does not cost each package its own timeouts.</remarks>
internal sealed class NuGetSource
{
    private readonly SourceRepository repository;
    private readonly SourceCacheContext cacheContext;
    private readonly Lazy<Task<FindPackageByIdResource?>> resource;
    private RegistryAnswer.Failed? down;

    public NuGetSource(PackageSource source, IEnumerable<Lazy<INuGetResourceProvider>> providers, SourceCacheContext cacheContext)
    {
        Source = source;
        Display = SourceDisplay.Of(source.Source);
        repository = Repository.CreateSource(providers, source);
        this.cacheContext = cacheContext;
        resource = new(() => repository.GetResourceAsync<FindPackageByIdResource>(CancellationToken.None));
    }

    public PackageSource Source { get; }

    /// <summary>The source as the report names it, credentials removed.</summary>
    public string Display { get; }

    /// <summary>The versions of <paramref name="id"/> here: <see cref="RegistryAnswer.Found"/>,
    /// <see cref="RegistryAnswer.NotFound"/> or <see cref="RegistryAnswer.Failed"/>; never throws for the source's
    /// failure.</summary>
    public async Task<RegistryAnswer> VersionsAsync(string id, CancellationToken ct)
    {
        if (Volatile.Read(ref down) is { } failed)
        {
            return failed;
        }
        if (Source.IsLocal && !Directory.Exists(Source.Source))
        {
            return Remember(new RegistryAnswer.Failed(Display, RegistryFailure.Unreachable, $"{Display}: the folder does not exist"));
        }
        try
        {
            if (await resource.Value.WaitAsync(ct) is not { } find)
            {
                return new RegistryAnswer.Failed(Display, RegistryFailure.BadAnswer, $"{Display}: NuGet finds no way to list a package's versions on this source");
            }
            var versions = (await find.GetAllVersionsAsync(id, cacheContext, NullLogger.Instance, ct)).ToList();
            return versions.Count == 0
                ? new RegistryAnswer.NotFound(Display)
                : new RegistryAnswer.Found(Display, [.. versions.Select(Published)]);
        }
        catch (Exception e) when (SourceFailure.IsSourceFailure(e) || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var failure = SourceFailure.Of(Display, e);
            return failure.Failure is RegistryFailure.BadAnswer ? failure : Remember(failure);
        }
    }

    private RegistryAnswer.Failed Remember(RegistryAnswer.Failed failed)
    {
        Volatile.Write(ref down, failed);
        return failed;
    }

    private static PublishedVersion Published(NuGetVersion version) =>
        new(version.OriginalVersion ?? version.ToNormalizedString(), Withdrawn: false, Published: null);
}
