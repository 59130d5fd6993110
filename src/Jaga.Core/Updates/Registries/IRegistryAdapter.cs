using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Registries;

/// <summary>Serves one ecosystem's registries: opens the registries the user's own configuration names for a folder.</summary>
public interface IRegistryAdapter
{
    Ecosystem Ecosystem { get; }

    /// <summary>The registries for the manifests in <see cref="RegistryContext.Folder"/>. A configuration that cannot be
    /// read is a <see cref="Errors.UserException"/> naming the file and the fix.</summary>
    IPackageRegistry Open(RegistryContext context);
}

/// <summary>What opening a registry needs.</summary>
/// <param name="Folder">Absolute path of the folder holding the manifest; configuration is looked up from there the
/// ecosystem's way (NuGet.Config up the tree, the project's .npmrc, then the user's and the machine's).</param>
/// <param name="Environment">Environment lookup (PIP_INDEX_URL, NPM_TOKEN in an .npmrc's <c>${NPM_TOKEN}</c>, HOME).</param>
/// <param name="CacheFolder">Where responses are kept with their validators (ETag / Last-Modified).</param>
/// <param name="Http">The client registries are asked with (its handler owns connection pooling).</param>
/// <param name="Concurrency">Requests in flight at once, at most, per registry.</param>
/// <param name="Offline">Answer from the cache only, never the network.</param>
/// <param name="Clock">The plan's clock (cache ages).</param>
public sealed record RegistryContext(
    string Folder,
    Func<string, string?> Environment,
    string CacheFolder,
    HttpClient Http,
    int Concurrency,
    bool Offline,
    TimeProvider Clock)
{
    /// <summary>The language of the messages a registry's failures carry (<see cref="RegistryAnswer.Failed.Message"/>).</summary>
    public Catalog Words { get; init; } = Catalog.English;

    /// <summary>Where a relative folder in the configuration (a PyPI index kept as files) is taken from: the plan's
    /// folder, so the plan answers the same from wherever it is run. Null: the working directory.</summary>
    public string? BaseFolder { get; init; }

    /// <summary>How long a cached answer is used without asking the registry (<see cref="RegistryFreshness"/>); zero
    /// revalidates every answer.</summary>
    public TimeSpan FreshFor { get; init; } = RegistryFreshness.DefaultWindow;
}
