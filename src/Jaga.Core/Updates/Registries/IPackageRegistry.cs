namespace Jaga.Core.Updates.Registries;

/// <summary>The registries one ecosystem's configuration names for one project folder (NuGet.Config hierarchy, .npmrc,
/// pip.conf / PIP_INDEX_URL), asked for the versions a package has.</summary>
public interface IPackageRegistry
{
    Ecosystem Ecosystem { get; }

    /// <summary>The registries asked, credentials removed (<c>https://nuget.example.com/v3/index.json</c>), for the
    /// report's header.</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>Every published version of <paramref name="name"/>, or why there is no answer. Never throws for a
    /// registry's failure: an unreachable registry or refused credentials is a <see cref="RegistryAnswer.Failed"/> the
    /// audit reports loudly.</summary>
    Task<RegistryAnswer> VersionsAsync(string name, CancellationToken ct);
}

/// <summary>What a registry said about one package.</summary>
public abstract record RegistryAnswer(string Source)
{
    /// <summary>The package's versions, in no particular order.</summary>
    public sealed record Found(string Source, IReadOnlyList<PublishedVersion> Versions) : RegistryAnswer(Source);

    /// <summary>No registry the configuration names has the package.</summary>
    public sealed record NotFound(string Source) : RegistryAnswer(Source);

    /// <summary>The registry could not be asked or refused: the audit has no data for the package.</summary>
    public sealed record Failed(string Source, RegistryFailure Failure, string Message) : RegistryAnswer(Source);
}

/// <summary>A version as a registry lists it.</summary>
/// <param name="Version">As the registry writes it.</param>
/// <param name="Withdrawn">Unlisted (NuGet), deprecated (npm) or yanked (PEP 592): never proposed.</param>
/// <param name="Published">When, if the registry says.</param>
public sealed record PublishedVersion(string Version, bool Withdrawn, DateTimeOffset? Published);

public enum RegistryFailure
{
    /// <summary>No connection, a timeout, a DNS failure, a 5xx after retries.</summary>
    Unreachable,

    /// <summary>401 or 403: credentials missing or refused.</summary>
    Unauthorized,

    /// <summary>An answer that is not what the protocol says.</summary>
    BadAnswer,
}
