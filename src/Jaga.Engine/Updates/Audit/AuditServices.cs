using Jaga.Core.Adapters;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Registries;
using Jaga.Core.Updates.Versions;

namespace Jaga.Engine.Updates.Audit;

/// <summary>What an audit asks: the registries' adapters, the local advisory data, the HTTP client and cache the
/// registries share, the environment their configuration reads, and the clock.</summary>
/// <param name="Adapters">The registry adapter of each ecosystem (<see cref="AdapterSet.Registry"/>).</param>
/// <param name="Advisories">The local copy of OSV's data.</param>
/// <param name="Affects">OSV's evaluation of one <c>affected[]</c> entry for a version.</param>
/// <param name="Http">The client every registry is asked with.</param>
/// <param name="CacheFolder">Where registry answers are kept with their validators.</param>
/// <param name="Environment">The environment lookup (HOME, PIP_INDEX_URL, tokens named in .npmrc).</param>
/// <param name="Clock">The plan's clock: today, ages of the advisory data.</param>
/// <param name="Offline">Answer from the cache only.</param>
public sealed record AuditServices(
    AdapterSet Adapters,
    IAdvisoryDatabase Advisories,
    Func<AffectedPackage, PackageVersion, bool> Affects,
    HttpClient Http,
    string CacheFolder,
    Func<string, string?> Environment,
    TimeProvider Clock,
    bool Offline)
{
    /// <summary>How long a cached registry answer is used without asking again (<see cref="RegistryFreshness"/>); zero
    /// asks every registry again.</summary>
    public TimeSpan FreshFor { get; init; } = RegistryFreshness.DefaultWindow;
}
