using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Patches;
using Jaga.Updates.Tests.Patches;

namespace Jaga.Updates.Tests.Feed;

/// <summary>What an audit or an apt reading reports as pending security findings: active advisories only, one per package
/// and advisory, and complete only when no data was missing.</summary>
public sealed class PendingSecurityTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    private static readonly Suppression Accepted = new("GHSA-5crp-9r3c-p9vr", "Newtonsoft.Json", "never deserialize untrusted JSON", "rina", new DateOnly(2027, 3, 31));

    private static Finding Found(Ecosystem ecosystem, string name, string? current, string manifest, params AdvisoryHit[] hits) =>
        new(new Dependency(ecosystem, name, current ?? "^1.0.0", current, new ManifestLocation(manifest, 3), DependencyScope.Runtime),
            current, false, current, null, null, hits.Length > 0 ? Decision.Apply : Decision.UpToDate, hits.Length > 0, hits);

    private static AdvisoryHit Hit(string id, Severity severity, string? fixedIn, Suppression? suppressed = null) =>
        new(id, [], severity, "summary", fixedIn, suppressed);

    private static AuditReport Report(IReadOnlyList<Finding> findings, IReadOnlyList<Ecosystem>? missing = null) =>
        new([], new Dictionary<Ecosystem, IReadOnlyList<string>>(), findings, [], missing ?? [], [], [], FailOn.High);

    [Fact]
    public void An_audit_reports_each_active_advisory_of_a_version_in_use_and_leaves_out_suppressed_ones()
    {
        var report = Report(
        [
            Found(Ecosystem.PyPI, "requests", "2.25.0", "requirements.txt", Hit("PYSEC-2023-74", Severity.Moderate, "2.31.0"), Hit("PYSEC-2021-857", Severity.Unknown, null)),
            Found(Ecosystem.NuGet, "Newtonsoft.Json", "12.0.1", "src/Api/Api.csproj", Hit("GHSA-5crp-9r3c-p9vr", Severity.High, "13.0.1", Accepted)),
            Found(Ecosystem.Npm, "left-pad", "1.0.0", "web/package.json"),
        ]);

        var reading = PendingSecurity.FromAudit(report, At);

        Assert.Equal((SecurityFindingSource.Dependency, "", At, true), (reading.Source, reading.Scope, reading.At, reading.Complete));
        Assert.Equal(
            [
                new SecurityFindingSeen("PyPI", "requests", "2.25.0", "PYSEC-2023-74", Severity.Moderate, "2.31.0"),
                new SecurityFindingSeen("PyPI", "requests", "2.25.0", "PYSEC-2021-857", Severity.Unknown, null),
            ],
            reading.Findings);
    }

    [Fact]
    public void A_package_declared_in_several_manifests_is_one_finding_per_advisory_with_each_version_in_use()
    {
        var report = Report(
        [
            Found(Ecosystem.NuGet, "Newtonsoft.Json", "12.0.3", "src/Api/Api.csproj", Hit("GHSA-5crp-9r3c-p9vr", Severity.High, "13.0.1")),
            Found(Ecosystem.NuGet, "newtonsoft.json", "12.0.1", "src/Worker/Worker.csproj", Hit("GHSA-5crp-9r3c-p9vr", Severity.High, "13.0.1")),
        ]);

        var seen = Assert.Single(PendingSecurity.FromAudit(report, At).Findings);

        Assert.Equal(new SecurityFindingSeen("NuGet", "Newtonsoft.Json", "12.0.1, 12.0.3", "GHSA-5crp-9r3c-p9vr", Severity.High, "13.0.1"), seen);
    }

    [Fact]
    public void An_audit_with_a_registry_failure_or_an_ecosystem_without_advisory_data_is_incomplete()
    {
        var failed = Found(Ecosystem.Npm, "left-pad", null, "web/package.json") with { Decision = Decision.Unknown, Problem = FindingProblem.RegistryFailed };
        var vulnerable = Found(Ecosystem.PyPI, "requests", "2.25.0", "requirements.txt", Hit("PYSEC-2023-74", Severity.Moderate, "2.31.0"));

        var registry = PendingSecurity.FromAudit(Report([vulnerable, failed]), At);
        var advisories = PendingSecurity.FromAudit(Report([vulnerable], missing: [Ecosystem.NuGet]), At);

        Assert.False(registry.Complete);
        Assert.False(advisories.Complete);
        // What it could judge is still reported: a known vulnerability stays pending while another registry is away.
        Assert.Single(registry.Findings);
    }

    [Fact]
    public void The_pending_findings_of_a_package_the_audit_could_not_judge_are_carried_forward_not_resolved()
    {
        // requests lost its pin (a range now, no version in use to judge); lodash was judged and is fixed; numpy was judged.
        var unjudged = Found(Ecosystem.PyPI, "Requests", null, "requirements.txt") with { Decision = Decision.Unknown, Problem = FindingProblem.VersionUnknown };
        var judged = Found(Ecosystem.PyPI, "numpy", "1.21.0", "requirements.txt", Hit("PYSEC-2021-1", Severity.High, "1.22.0"));
        var fixedOne = Found(Ecosystem.Npm, "lodash", "4.17.21", "web/package.json");
        var report = Report([unjudged, judged, fixedOne]);
        var before = At.AddDays(-9);
        IReadOnlyList<SecurityFinding> pending =
        [
            new(SecurityFindingSource.Dependency, "", "PyPI", "requests", "2.25.0", "PYSEC-2023-74", Severity.Moderate, "2.31.0", before, before, null),
            new(SecurityFindingSource.Dependency, "", "PyPI", "numpy", "1.21.0", "PYSEC-2021-1", Severity.High, "1.22.0", before, before, null),
            new(SecurityFindingSource.Dependency, "", "npm", "lodash", "4.17.15", "GHSA-p6mc-m468-83gw", Severity.High, "4.17.19", before, before, null),
            new(SecurityFindingSource.OsPackage, "node-1", "deb", "requests", "1", "Debian-Security", Severity.Unknown, "2", before, before, null),
        ];

        var reading = PendingSecurity.CarryForward(PendingSecurity.FromAudit(report, At), report, pending);

        Assert.True(reading.Complete);
        Assert.Equal(
            [
                new SecurityFindingSeen("PyPI", "numpy", "1.21.0", "PYSEC-2021-1", Severity.High, "1.22.0"),
                new SecurityFindingSeen("PyPI", "requests", "2.25.0", "PYSEC-2023-74", Severity.Moderate, "2.31.0"),
            ],
            reading.Findings);
    }

    [Fact]
    public void A_patches_reading_reports_each_security_upgrade_on_its_node_from_its_security_archive()
    {
        var check = new PatchCheck(AptSimulation.Parse(AptSamples.Read("debian12-upgrade.txt")), RebootRequirement.None);

        var reading = PendingSecurity.FromPatches(check, "web-1", At);

        Assert.Equal((SecurityFindingSource.OsPackage, "web-1", true), (reading.Source, reading.Scope, reading.Complete));
        Assert.Equal(check.Security.Count, reading.Findings.Count);
        Assert.Contains(new SecurityFindingSeen("deb", "libgcrypt20-dev", "1.10.1-3", "Debian-Security", Severity.Unknown, "1.10.1-3+deb12u1"), reading.Findings);
        Assert.DoesNotContain(reading.Findings, f => f.Package == "bash");
    }
}
