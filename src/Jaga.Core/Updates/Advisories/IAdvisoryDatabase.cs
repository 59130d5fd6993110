namespace Jaga.Core.Updates.Advisories;

/// <summary>The local copy of OSV's advisories (imported by <c>jaga deps db update</c>).</summary>
public interface IAdvisoryDatabase
{
    /// <summary>When each ecosystem's data was imported and how many advisories it holds; empty when never imported.</summary>
    Task<IReadOnlyList<AdvisoryImport>> ImportsAsync(CancellationToken ct);

    /// <summary>The advisories, not withdrawn, that name any of <paramref name="names"/> in <paramref name="ecosystem"/>
    /// (names compared the ecosystem's way: PyPI's normalized by PEP 503, NuGet's without case).</summary>
    Task<IReadOnlyList<Advisory>> ForPackagesAsync(Ecosystem ecosystem, IReadOnlyCollection<string> names, CancellationToken ct);
}

/// <summary>One ecosystem's import: when, from where (URL or file, credentials removed), how many advisories.</summary>
public sealed record AdvisoryImport(Ecosystem Ecosystem, DateTimeOffset ImportedAt, string Source, int Advisories);
