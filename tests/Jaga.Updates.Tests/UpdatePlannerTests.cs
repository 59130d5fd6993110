using Jaga.Core.Plan;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Registries;
using Jaga.Core.Updates.Versions;

namespace Jaga.Updates.Tests;

/// <summary>The update policy, decided per dependency from registry answers and advisories.</summary>
public sealed class UpdatePlannerTests
{
    private static readonly UpdatePolicy Default = new(UpdateAction.Immediate, UpdateAction.Auto, UpdateAction.Review, UpdateAction.Manual);
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static Dependency Dep(string name, string requirement, string? resolved, Ecosystem eco = Ecosystem.NuGet) =>
        new(eco, name, requirement, resolved, new ManifestLocation("src/App/App.csproj", 7), DependencyScope.Runtime);

    private static RegistryAnswer Found(params string[] versions) =>
        new RegistryAnswer.Found("https://feed.example/v3/index.json", [.. versions.Select(v => new PublishedVersion(v.TrimEnd('!'), v.EndsWith('!'), null))]);

    /// <summary>An advisory affecting [introduced, fixed) of one package, read by the ecosystem's order.</summary>
    private static Advisory Advisory(string id, Severity severity, string name, string introduced, string? fixedIn, Ecosystem eco = Ecosystem.NuGet, params string[] aliases)
    {
        List<OsvEvent> events = [new(OsvEventKind.Introduced, introduced)];
        if (fixedIn is not null) events.Add(new OsvEvent(OsvEventKind.Fixed, fixedIn));
        return new Advisory(id, aliases, "summary of " + id, severity, null, [new AffectedPackage(eco, name, [new OsvRange(OsvRangeType.Ecosystem, events)], [])]);
    }

    /// <summary>The simplest reading of one introduced/fixed pair; the real one (OSV's algorithm) is tested on its own.</summary>
    private static bool Affects(AffectedPackage p, PackageVersion v)
    {
        var scheme = VersionScheme.For(p.Ecosystem);
        var events = p.Ranges[0].Events;
        PackageVersion? Parse(string s) => s == "0" ? null : scheme.TryParseVersion(s, out var x) ? x : throw new FormatException(s);
        var from = Parse(events[0].Version);
        var to = events.Count > 1 ? Parse(events[1].Version) : null;
        return (from is null || v >= from) && (to is null || v < to);
    }

    private static Finding Assess(Dependency dep, RegistryAnswer answer, UpdatePolicy? policy = null, IReadOnlyList<Suppression>? suppress = null, params Advisory[] advisories) =>
        Assert.Single(UpdatePlanner.Assess(new AuditInput(
            [dep],
            new Dictionary<(Ecosystem, string), RegistryAnswer> { [(dep.Ecosystem, dep.Name)] = answer },
            new Dictionary<(Ecosystem, string), IReadOnlyList<Advisory>> { [(dep.Ecosystem, dep.Name)] = advisories },
            Affects, policy ?? Default, suppress ?? [], Today)));

    [Fact]
    public void A_patch_is_applied_a_minor_waits_for_review_a_major_is_left_to_a_person()
    {
        var patch = Assess(Dep("Serilog", "3.1.0", "3.1.0"), Found("3.0.0", "3.1.0", "3.1.1"));
        Assert.Equal((Decision.Apply, "3.1.1", UpdateKind.Patch), (patch.Decision, patch.Target, patch.TargetKind));

        var minor = Assess(Dep("Serilog", "3.1.1", "3.1.1"), Found("3.1.1", "3.2.0"));
        Assert.Equal((Decision.Review, "3.2.0", UpdateKind.Minor), (minor.Decision, minor.Target, minor.TargetKind));

        var major = Assess(Dep("Serilog", "3.1.1", "3.1.1"), Found("3.1.1", "4.0.0"));
        Assert.Equal((Decision.Manual, "4.0.0", UpdateKind.Major), (major.Decision, major.Target, major.TargetKind));

        var current = Assess(Dep("Serilog", "4.0.0", "4.0.0"), Found("3.1.1", "4.0.0"));
        Assert.Equal((Decision.UpToDate, null, "4.0.0"), (current.Decision, current.Target, current.Latest));
    }

    [Fact]
    public void The_highest_patch_is_applied_even_when_a_minor_and_a_major_are_out()
    {
        var f = Assess(Dep("Serilog", "3.1.0", "3.1.0"), Found("3.1.0", "3.1.1", "3.1.2", "3.2.0", "4.0.0"));

        Assert.Equal((Decision.Apply, "3.1.2", "4.0.0"), (f.Decision, f.Target, f.Latest));
    }

    [Fact]
    public void Never_a_prerelease_unless_the_current_version_is_one_and_never_a_withdrawn_version()
    {
        var stable = Assess(Dep("Serilog", "3.1.0", "3.1.0"), Found("3.1.0", "3.1.1!", "3.1.2-beta.1", "3.2.0-rc.1"));
        Assert.Equal((Decision.UpToDate, "3.1.0"), (stable.Decision, stable.Latest));

        var pre = Assess(Dep("Serilog", "3.2.0-beta.1", "3.2.0-beta.1"), Found("3.2.0-beta.1", "3.2.0-rc.1"));
        Assert.Equal((Decision.Apply, "3.2.0-rc.1"), (pre.Decision, pre.Target));
    }

    [Fact]
    public void A_vulnerable_version_is_moved_to_the_lowest_fixed_one_whatever_its_kind()
    {
        var f = Assess(Dep("Newtonsoft.Json", "12.0.3", "12.0.3"), Found("12.0.3", "13.0.1", "13.0.3", "14.0.0"), advisories:
            Advisory("GHSA-5crp-9r3c-p9vr", Severity.High, "Newtonsoft.Json", "0", "13.0.1", Ecosystem.NuGet, "CVE-2024-21907"));

        Assert.Equal((Decision.Apply, "13.0.1", UpdateKind.Major, true), (f.Decision, f.Target, f.TargetKind, f.Security));
        var hit = Assert.Single(f.Advisories);
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", "13.0.1", Severity.High), (hit.Id, hit.FixedIn, hit.Severity));
    }

    [Fact]
    public void A_security_fix_under_review_waits_and_one_with_no_fix_is_left_to_a_person()
    {
        var policy = Default with { Security = UpdateAction.Review };
        var review = Assess(Dep("lodash", "4.17.20", "4.17.20", Ecosystem.Npm), Found("4.17.20", "4.17.21"), policy, advisories:
            Advisory("GHSA-35jh-r3h4-6jhm", Severity.High, "lodash", "0", "4.17.21", Ecosystem.Npm));
        Assert.Equal((Decision.Review, "4.17.21", true), (review.Decision, review.Target, review.Security));

        var nofix = Assess(Dep("lodash", "4.17.21", "4.17.21", Ecosystem.Npm), Found("4.17.21"), advisories:
            Advisory("GHSA-xxxx-yyyy-zzzz", Severity.Moderate, "lodash", "0", null, Ecosystem.Npm));
        Assert.Equal((Decision.Manual, null, true), (nofix.Decision, nofix.Target, nofix.Security));
    }

    [Fact]
    public void A_suppression_covers_an_advisory_by_alias_until_its_day()
    {
        var advisory = Advisory("GHSA-5crp-9r3c-p9vr", Severity.High, "Newtonsoft.Json", "0", "13.0.1", Ecosystem.NuGet, "CVE-2024-21907");
        Suppression accepted = new("cve-2024-21907", "newtonsoft.json", "not reachable", "rina", Today.AddDays(1));

        var covered = Assess(Dep("Newtonsoft.Json", "12.0.3", "12.0.3"), Found("12.0.3", "12.0.4", "13.0.1"), suppress: [accepted], advisories: advisory);
        Assert.Same(accepted, Assert.Single(covered.Advisories).SuppressedBy);
        Assert.Empty(covered.Active);
        Assert.Equal((Decision.Apply, "12.0.4", false), (covered.Decision, covered.Target, covered.Security));

        var expired = Assess(Dep("Newtonsoft.Json", "12.0.3", "12.0.3"), Found("12.0.3", "13.0.1"), suppress: [accepted with { Expires = Today }], advisories: advisory);
        Assert.Null(Assert.Single(expired.Advisories).SuppressedBy);
        Assert.True(expired.Security);

        var otherPackage = Assess(Dep("Newtonsoft.Json", "12.0.3", "12.0.3"), Found("12.0.3", "13.0.1"), suppress: [accepted with { Package = "Other" }], advisories: advisory);
        Assert.Null(Assert.Single(otherPackage.Advisories).SuppressedBy);
    }

    [Fact]
    public void An_automatic_update_never_moves_into_a_vulnerable_version()
    {
        var f = Assess(Dep("Serilog", "3.1.0", "3.1.0"), Found("3.1.0", "3.1.1", "3.1.2"), advisories:
            Advisory("GHSA-aaaa-bbbb-cccc", Severity.Critical, "Serilog", "3.1.2", "3.1.3"));

        Assert.Equal((Decision.Apply, "3.1.1"), (f.Decision, f.Target));
        Assert.Empty(f.Advisories);
    }

    [Fact]
    public void Without_a_lock_file_the_version_in_use_is_the_highest_the_range_admits()
    {
        var f = Assess(Dep("express", "^4.17.0", null, Ecosystem.Npm), Found("4.17.0", "4.18.2", "4.19.0-beta.1", "5.0.0"));

        Assert.True(f.CurrentFromRange);
        Assert.Equal(("4.18.2", Decision.Manual, "5.0.0"), (f.Current, f.Decision, f.Target));
    }

    [Fact]
    public void No_data_is_a_finding_with_its_reason_never_a_pass()
    {
        var failed = Assess(Dep("Serilog", "3.1.0", "3.1.0"), new RegistryAnswer.Failed("https://feed.example/v3/index.json", RegistryFailure.Unauthorized, "401 Unauthorized"));
        Assert.Equal((Decision.Unknown, FindingProblem.RegistryFailed), (failed.Decision, failed.Problem));
        Assert.Contains("401", failed.ProblemDetail, StringComparison.Ordinal);

        var named = Assess(Dep("Serilog", "3.1.0", "3.1.0"), new RegistryAnswer.Failed("https://feed.example/v3/index.json", RegistryFailure.Unreachable, "https://feed.example/v3/index.json could not be reached: connection refused"));
        Assert.Equal("https://feed.example/v3/index.json could not be reached: connection refused", named.ProblemDetail);

        var missing = Assess(Dep("Serilog", "3.1.0", "3.1.0"), new RegistryAnswer.NotFound("https://feed.example/v3/index.json"));
        Assert.Equal(FindingProblem.NotFound, missing.Problem);

        var bad = Assess(Dep("express", "not a range ((", null, Ecosystem.Npm), Found("4.17.0"));
        Assert.Equal(FindingProblem.BadRequirement, bad.Problem);

        var none = Assess(Dep("express", "^9.0.0", null, Ecosystem.Npm), Found("4.17.0"));
        Assert.Equal(FindingProblem.VersionUnknown, none.Problem);

        var report = new AuditReport([], new Dictionary<Ecosystem, IReadOnlyList<string>>(), [failed], [], [], [], [], FailOn.High);
        Assert.True(report.Incomplete);
        Assert.False(report.Passed);
    }

    [Theory]
    [InlineData(Severity.Moderate, FailOn.High, false)]
    [InlineData(Severity.High, FailOn.High, true)]
    [InlineData(Severity.Critical, FailOn.High, true)]
    [InlineData(Severity.Low, FailOn.Low, true)]
    [InlineData(Severity.Unknown, FailOn.High, true)]
    [InlineData(Severity.Unknown, FailOn.Critical, false)]
    [InlineData(Severity.Critical, FailOn.Never, false)]
    public void The_audit_fails_at_or_above_fail_on(Severity severity, FailOn threshold, bool fails) =>
        Assert.Equal(fails, AuditReport.Fails(severity, threshold));
}
