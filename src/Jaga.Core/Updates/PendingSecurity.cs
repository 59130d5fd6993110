using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Patches;

namespace Jaga.Core.Updates;

/// <summary>What a dependency audit or an OS patches reading reports as pending security findings, for the state store
/// that the <c>updates</c> check reads.</summary>
public static class PendingSecurity
{
    /// <summary>The scope of dependency audits: the plan's one project, whichever node audits it.</summary>
    public const string ProjectScope = "";

    /// <summary>The ecosystem word of a Debian package (OSV's ecosystems name the others).</summary>
    public const string DebianEcosystem = "deb";

    /// <summary>Every advisory that counts against a version in use (a suppressed one does not: the plan accepts it), one
    /// finding per package and advisory however many manifests declare the package. Complete unless data was missing: a
    /// registry without an answer or an ecosystem without advisory data leaves packages unjudged, which must not read as
    /// fixed.</summary>
    public static SecurityReading FromAudit(AuditReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var seen = report.Findings
            .Where(f => f.Current is not null)
            .SelectMany(f => f.Active.Select(a => (Finding: f, Hit: a)))
            .GroupBy(x => (x.Finding.Dependency.Ecosystem, Name: PackageNames.Normalize(x.Finding.Dependency.Ecosystem, x.Finding.Dependency.Name), x.Hit.Id))
            .Select(g =>
            {
                var first = g.First();
                return new SecurityFindingSeen(
                    OsvJson.NameOf(g.Key.Ecosystem), first.Finding.Dependency.Name,
                    string.Join(", ", g.Select(x => x.Finding.Current!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                    g.Key.Id, g.Max(x => x.Hit.Severity), g.Select(x => x.Hit.FixedIn).FirstOrDefault(v => v is not null));
            })
            .ToList();
        return new SecurityReading(SecurityFindingSource.Dependency, ProjectScope, at, !report.Incomplete, seen);
    }

    /// <summary><paramref name="reading"/> with the <paramref name="pending"/> findings of the packages this audit could not
    /// judge carried forward as they were: a package whose version in use could not be told (a range without a lock file, a
    /// requirement that does not parse, a package the registry does not know) was not seen fixed, and a complete reading
    /// would otherwise resolve it (and reopen it, first seen again, once it is judged).</summary>
    public static SecurityReading CarryForward(SecurityReading reading, AuditReport report, IReadOnlyList<SecurityFinding> pending)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(pending);
        var ecosystems = report.Findings.Select(f => f.Dependency.Ecosystem).Distinct().ToDictionary(OsvJson.NameOf, StringComparer.Ordinal);
        var unjudged = report.Findings.Where(f => f.Current is null)
            .Select(f => (OsvJson.NameOf(f.Dependency.Ecosystem), PackageNames.Normalize(f.Dependency.Ecosystem, f.Dependency.Name)))
            .ToHashSet();
        var seen = reading.Findings.Select(f => Key(f.Ecosystem, f.Package, f.Advisory)).ToHashSet();
        var kept = pending
            .Where(p => p.Source == SecurityFindingSource.Dependency && p.Scope == ProjectScope && ecosystems.ContainsKey(p.Ecosystem)
                && unjudged.Contains((p.Ecosystem, PackageNames.Normalize(ecosystems[p.Ecosystem], p.Package)))
                && !seen.Contains(Key(p.Ecosystem, p.Package, p.Advisory)))
            .Select(p => new SecurityFindingSeen(p.Ecosystem, p.Package, p.Version, p.Advisory, p.Severity, p.FixedVersion))
            .ToList();
        return kept.Count == 0 ? reading : reading with { Findings = [.. reading.Findings, .. kept] };

        (string, string, string) Key(string ecosystem, string package, string advisory) =>
            (ecosystem, ecosystems.TryGetValue(ecosystem, out var e) ? PackageNames.Normalize(e, package) : package, advisory);
    }

    /// <summary>Every pending upgrade whose candidate comes from a security archive, on the machine named
    /// <paramref name="node"/>; the advisory is the archive (apt does not say which advisory a version fixes). A reading apt
    /// gave is complete.</summary>
    public static SecurityReading FromPatches(PatchCheck check, string node, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        var seen = check.Security
            .Select(i => new SecurityFindingSeen(DebianEcosystem, i.Name, i.Installed ?? "", i.Origins.First(o => o.IsSecurity).Name,
                Severity.Unknown, i.Candidate))
            .ToList();
        return new SecurityReading(SecurityFindingSource.OsPackage, node, at, true, seen);
    }
}
