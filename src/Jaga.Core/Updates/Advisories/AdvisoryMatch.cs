using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates.Advisories;

/// <summary>Whether an advisory affects a version of a package, by OSV's evaluation algorithm
/// (https://ossf.github.io/osv-schema/#evaluation): a version is affected when it is listed in <c>versions[]</c> or lies
/// in one of the <c>ranges[]</c>, whose events are read in the order of their versions — <c>introduced</c> opens (its
/// <c>"0"</c> before every version), <c>fixed</c> closes at that version, <c>last_affected</c> closes after it, and a
/// range with <c>limit</c> events holds only below one of them. <c>SEMVER</c> ranges compare as SemVer 2.0,
/// <c>ECOSYSTEM</c> ranges by the ecosystem's own scheme (<see cref="VersionScheme.For"/>); <c>GIT</c> ranges name
/// commits, not versions, and match nothing.</summary>
public static class AdvisoryMatch
{
    /// <summary>Whether <paramref name="advisory"/> affects <paramref name="version"/> of the package
    /// <paramref name="name"/> (of the version's ecosystem; names compared the ecosystem's way).</summary>
    public static bool Affects(Advisory advisory, string name, PackageVersion version) =>
        PackagesOf(advisory, version.Ecosystem, name).Any(p => Affects(p, version));

    /// <summary>Whether one <c>affected[]</c> entry holds <paramref name="version"/>.</summary>
    public static bool Affects(AffectedPackage package, PackageVersion version) =>
        package.Versions.Any(listed => Same(package.Ecosystem, listed, version))
        || package.Ranges.Any(r => Holds(r, package.Ecosystem, version));

    /// <summary>The version that fixes <paramref name="version"/>: the lowest <c>fixed</c> event above it in the ranges
    /// of <paramref name="name"/>, read by the ecosystem's scheme; null when the advisory names none (no fix yet).</summary>
    public static PackageVersion? FixedVersion(Advisory advisory, string name, PackageVersion version)
    {
        var scheme = VersionScheme.For(version.Ecosystem);
        PackageVersion? lowest = null;
        foreach (var range in PackagesOf(advisory, version.Ecosystem, name).SelectMany(p => p.Ranges))
        {
            if (Order.For(range.Type, version.Ecosystem) is not { } order || order.Parse(version.Text) is not { } current) continue;
            foreach (var e in range.Events.Where(e => e.Kind == OsvEventKind.Fixed))
            {
                if (order.Parse(e.Version) is not { } fixedInOrder || fixedInOrder.CompareTo(current) <= 0) continue;
                if (scheme.TryParseVersion(e.Version, out var fix) && (lowest is null || fix < lowest)) lowest = fix;
            }
        }
        return lowest;
    }

    private static IEnumerable<AffectedPackage> PackagesOf(Advisory advisory, Ecosystem ecosystem, string name)
    {
        var key = PackageNames.Normalize(ecosystem, name);
        return advisory.Affected.Where(p => p.Ecosystem == ecosystem && PackageNames.Normalize(ecosystem, p.Name) == key);
    }

    private static bool Same(Ecosystem ecosystem, string listed, PackageVersion version) =>
        VersionScheme.For(ecosystem).TryParseVersion(listed, out var v) ? v.Ecosystem == version.Ecosystem && v == version : listed == version.Text;

    private static bool Holds(OsvRange range, Ecosystem ecosystem, PackageVersion version)
    {
        if (Order.For(range.Type, ecosystem) is not { } order || order.Parse(version.Text) is not { } v) return false;
        var events = new List<(OsvEventKind Kind, PackageVersion? At)>(range.Events.Count);
        foreach (var e in range.Events)
        {
            // "0" opens before every version; a limit of "*" is no limit.
            if (e.Kind == OsvEventKind.Introduced && e.Version == "0") events.Add((e.Kind, null));
            else if (e.Kind == OsvEventKind.Limit && e.Version.Contains('*', StringComparison.Ordinal)) events.Add((e.Kind, null));
            // A bound this ecosystem cannot read would silently widen or narrow the range: the range is not judged, and
            // the versions[] list (which OSV fills for such ranges) decides.
            else if (order.Parse(e.Version) is { } at) events.Add((e.Kind, at));
            else return false;
        }
        var limits = events.Where(e => e.Kind == OsvEventKind.Limit).ToList();
        if (limits.Count > 0 && !limits.Any(l => l.At is null || v < l.At)) return false;

        var vulnerable = false;
        // Stable order: events of one version keep the order the advisory gives them.
        foreach (var (kind, at) in events.Where(e => e.Kind != OsvEventKind.Limit).OrderBy(e => e.At, Lowest.First))
        {
            if (kind == OsvEventKind.Introduced && (at is null || v >= at)) vulnerable = true;
            else if (kind == OsvEventKind.Fixed && at is not null && v >= at) vulnerable = false;
            else if (kind == OsvEventKind.LastAffected && at is not null && v > at) vulnerable = false;
        }
        return vulnerable;
    }

    /// <summary>How a range's versions are read and ordered: SemVer for <c>SEMVER</c> (npm's scheme is SemVer 2.0, and
    /// it takes a NuGet or PyPI version written as one), the ecosystem's own for <c>ECOSYSTEM</c>.</summary>
    private sealed class Order(VersionScheme scheme)
    {
        public static Order? For(OsvRangeType type, Ecosystem ecosystem) => type switch
        {
            OsvRangeType.Semver => new Order(NpmVersionScheme.Instance),
            OsvRangeType.Ecosystem => new Order(VersionScheme.For(ecosystem)),
            _ => null,
        };

        public PackageVersion? Parse(string text) => scheme.TryParseVersion(text, out var v) ? v : null;
    }

    /// <summary>Orders bounds with "0" (null) before every version.</summary>
    private sealed class Lowest : IComparer<PackageVersion?>
    {
        public static Lowest First { get; } = new();

        public int Compare(PackageVersion? x, PackageVersion? y) =>
            x is null ? (y is null ? 0 : -1) : y is null ? 1 : x.CompareTo(y);
    }
}
