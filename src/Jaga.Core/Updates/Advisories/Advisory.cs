namespace Jaga.Core.Updates.Advisories;

/// <summary>One vulnerability report in OSV's schema (https://ossf.github.io/osv-schema/), as much of it as an audit
/// uses. Withdrawn advisories are never returned by <see cref="IAdvisoryDatabase"/>.</summary>
/// <param name="Id">OSV id, e.g. <c>GHSA-5crp-9r3c-p9vr</c>.</param>
/// <param name="Aliases">Other ids of the same vulnerability, e.g. <c>CVE-2024-21907</c>.</param>
/// <param name="Summary">One line, empty when the advisory has none.</param>
/// <param name="Modified">When the advisory last changed, if it says.</param>
/// <param name="Severity">From the advisory's <c>database_specific.severity</c> or its CVSS vector.</param>
/// <param name="Affected">The packages it affects (only those of the asked ecosystem and name, when looked up).</param>
public sealed record Advisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string Summary,
    Severity Severity,
    DateTimeOffset? Modified,
    IReadOnlyList<AffectedPackage> Affected);

/// <summary>One <c>affected[]</c> entry: the ranges and listed versions of one package.</summary>
public sealed record AffectedPackage(Ecosystem Ecosystem, string Name, IReadOnlyList<OsvRange> Ranges, IReadOnlyList<string> Versions);

/// <summary>One <c>ranges[]</c> entry: events in order of their versions.</summary>
public sealed record OsvRange(OsvRangeType Type, IReadOnlyList<OsvEvent> Events);

public enum OsvRangeType
{
    /// <summary>Versions compared as SemVer 2.0.</summary>
    Semver,

    /// <summary>Versions compared by the ecosystem's own rules.</summary>
    Ecosystem,

    /// <summary>Commit hashes: not used for package versions.</summary>
    Git,
}

public sealed record OsvEvent(OsvEventKind Kind, string Version);

public enum OsvEventKind
{
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

/// <summary>An advisory's severity; <see cref="Unknown"/> when it gives none.</summary>
public enum Severity
{
    Unknown,
    Low,
    Moderate,
    High,
    Critical,
}
