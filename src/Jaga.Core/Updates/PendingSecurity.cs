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
