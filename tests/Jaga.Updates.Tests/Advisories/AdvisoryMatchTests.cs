using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Versions;

namespace Jaga.Updates.Tests.Advisories;

/// <summary>OSV's evaluation algorithm on real advisories and on the schema's own examples. The PyPI cases need the PEP 440
/// scheme (written on its own branch): they carry <c>[Trait("Needs", "Pep440")]</c>.</summary>
public sealed class AdvisoryMatchTests
{
    private static PackageVersion V(Ecosystem e, string text) =>
        VersionScheme.For(e).TryParseVersion(text, out var v) ? v : throw new ArgumentException(text);

    [Theory]
    [InlineData("12.0.3", true)]
    [InlineData("13.0.1-beta1", true)]
    [InlineData("13.0.1", false)]
    [InlineData("13.0.3", false)]
    [InlineData("1.0.0", true)]
    public void Newtonsoft_Json_before_13_0_1_is_affected(string version, bool affected)
    {
        var a = OsvFiles.Read(OsvFiles.NewtonsoftJson);

        Assert.Equal(affected, AdvisoryMatch.Affects(a, "Newtonsoft.Json", V(Ecosystem.NuGet, version)));
        Assert.Equal(affected, AdvisoryMatch.Affects(a, "newtonsoft.json", V(Ecosystem.NuGet, version)));
        Assert.False(AdvisoryMatch.Affects(a, "Newtonsoft.Json.Bson", V(Ecosystem.NuGet, version)));
    }

    [Fact]
    public void The_fixed_version_is_the_lowest_fix_above_the_current_one()
    {
        var newtonsoft = OsvFiles.Read(OsvFiles.NewtonsoftJson);
        var redos = OsvFiles.Read(OsvFiles.LodashRedos);

        Assert.Equal("13.0.1", AdvisoryMatch.FixedVersion(newtonsoft, "Newtonsoft.Json", V(Ecosystem.NuGet, "12.0.3"))?.Text);
        Assert.Equal("4.17.21", AdvisoryMatch.FixedVersion(redos, "lodash-es", V(Ecosystem.Npm, "4.17.20"))?.Text);
        Assert.Null(AdvisoryMatch.FixedVersion(redos, "lodash", V(Ecosystem.Npm, "4.17.21")));
        var two = Advisory(Ecosystem.Npm, "a", OsvRangeType.Semver, ("introduced", "1.0.0"), ("fixed", "1.0.2"), ("introduced", "3.0.0"), ("fixed", "3.2.5"));
        Assert.Equal("1.0.2", AdvisoryMatch.FixedVersion(two, "a", V(Ecosystem.Npm, "1.0.1"))?.Text);
        Assert.Equal("3.2.5", AdvisoryMatch.FixedVersion(two, "a", V(Ecosystem.Npm, "3.1.0"))?.Text);
        var unfixed = Advisory(Ecosystem.Npm, "a", OsvRangeType.Semver, ("introduced", "0"));
        Assert.Null(AdvisoryMatch.FixedVersion(unfixed, "a", V(Ecosystem.Npm, "9.9.9")));
    }

    [Theory]
    [InlineData("4.17.19", true, true)]
    [InlineData("4.17.20", false, true)]
    [InlineData("4.17.21", false, false)]
    [InlineData("3.10.1", true, false)] // the ReDoS range starts at 4.0.0
    [InlineData("5.0.0-alpha.1", false, false)]
    public void Lodash_by_its_ecosystem_range_and_its_semver_range(string version, bool pollution, bool redos)
    {
        var v = V(Ecosystem.Npm, version);

        Assert.Equal(pollution, AdvisoryMatch.Affects(OsvFiles.Read(OsvFiles.LodashPollution), "lodash", v));
        Assert.Equal(redos, AdvisoryMatch.Affects(OsvFiles.Read(OsvFiles.LodashRedos), "lodash", v));
    }

    [Theory]
    [InlineData("0.0.1", false)]
    [InlineData("1.0.0", true)]
    [InlineData("1.0.1", true)]
    [InlineData("1.0.2", false)]
    [InlineData("2.9.9", false)]
    [InlineData("3.0.0", true)]
    [InlineData("3.2.4", true)]
    [InlineData("3.2.5", false)]
    public void Several_introduced_and_fixed_events_make_several_intervals(string version, bool affected)
    {
        // The schema's "multiple range" example, with its events given out of order: they are sorted first.
        var a = Advisory(Ecosystem.Npm, "a", OsvRangeType.Semver, ("introduced", "3.0.0"), ("fixed", "1.0.2"), ("fixed", "3.2.5"), ("introduced", "1.0.0"));

        Assert.Equal(affected, AdvisoryMatch.Affects(a, "a", V(Ecosystem.Npm, version)));
    }

    [Theory]
    [InlineData("2.1.214", true, false)]
    [InlineData("2.1.213", true, true)]
    [InlineData("2.1.215", false, false)]
    public void Last_affected_includes_its_version_where_fixed_excludes_it(string version, bool lastAffected, bool fixedRange)
    {
        var last = Advisory(Ecosystem.NuGet, "A", OsvRangeType.Ecosystem, ("introduced", "0"), ("last_affected", "2.1.214"));
        var fix = Advisory(Ecosystem.NuGet, "A", OsvRangeType.Semver, ("introduced", "0"), ("fixed", "2.1.214"));

        Assert.Equal(lastAffected, AdvisoryMatch.Affects(last, "A", V(Ecosystem.NuGet, version)));
        Assert.Equal(fixedRange, AdvisoryMatch.Affects(fix, "A", V(Ecosystem.NuGet, version)));
    }

    [Theory]
    [InlineData("1.5.0", true)]
    [InlineData("2.0.0", false)]
    [InlineData("2.5.0", false)]
    public void A_limit_holds_the_range_below_it(string version, bool affected)
    {
        var a = Advisory(Ecosystem.Npm, "a", OsvRangeType.Semver, ("introduced", "1.0.0"), ("limit", "2.0.0"));
        var star = Advisory(Ecosystem.Npm, "a", OsvRangeType.Semver, ("introduced", "1.0.0"), ("limit", "*"));

        Assert.Equal(affected, AdvisoryMatch.Affects(a, "a", V(Ecosystem.Npm, version)));
        Assert.True(AdvisoryMatch.Affects(star, "a", V(Ecosystem.Npm, version)));
    }

    [Fact]
    public void The_versions_list_affects_without_a_range_and_git_ranges_match_nothing()
    {
        var listed = new Advisory("X-1", [], "", Severity.Low, null,
            [new AffectedPackage(Ecosystem.NuGet, "A", [new OsvRange(OsvRangeType.Git, [new(OsvEventKind.Introduced, "0")])], ["1.2.0", "1.4.0"])]);

        Assert.True(AdvisoryMatch.Affects(listed, "A", V(Ecosystem.NuGet, "1.2.0")));
        Assert.True(AdvisoryMatch.Affects(listed, "A", V(Ecosystem.NuGet, "1.2"))); // NuGet reads 1.2 as 1.2.0
        Assert.False(AdvisoryMatch.Affects(listed, "A", V(Ecosystem.NuGet, "1.3.0")));
    }

    [Fact]
    public void A_range_whose_bound_the_ecosystem_cannot_read_is_not_judged()
    {
        var odd = Advisory(Ecosystem.Npm, "a", OsvRangeType.Ecosystem, ("introduced", "0"), ("fixed", "not-a-version"));

        Assert.False(AdvisoryMatch.Affects(odd, "a", V(Ecosystem.Npm, "1.0.0")));
    }

    [Theory]
    [Trait("Needs", "Pep440")]
    [InlineData("2.3.0", true)]
    [InlineData("2.30.0", true)]
    [InlineData("2.31.0", false)]
    [InlineData("2.2.1", false)]
    public void Requests_by_its_ecosystem_range_in_PEP_440_order(string version, bool affected)
    {
        var a = OsvFiles.Read(OsvFiles.Requests);

        Assert.Equal(affected, AdvisoryMatch.Affects(a, "Requests", V(Ecosystem.PyPI, version)));
        if (affected) Assert.Equal("2.31.0", AdvisoryMatch.FixedVersion(a, "requests", V(Ecosystem.PyPI, version))?.Text);
    }

    [Theory]
    [Trait("Needs", "Pep440")]
    [InlineData("1.18.5", true)]
    [InlineData("1.19.0rc2", true)]
    [InlineData("1.19.0", false)]
    [InlineData("1.26.0", false)]
    public void Numpy_pre_releases_sort_before_their_release(string version, bool affected) =>
        Assert.Equal(affected, AdvisoryMatch.Affects(OsvFiles.Read(OsvFiles.Numpy), "NumPy", V(Ecosystem.PyPI, version)));

    private static Advisory Advisory(Ecosystem ecosystem, string name, OsvRangeType type, params (string Kind, string Version)[] events) =>
        new("X-1", [], "", Severity.Moderate, null,
            [new AffectedPackage(ecosystem, name, [new OsvRange(type, [.. events.Select(e => new OsvEvent(Kind(e.Kind), e.Version))])], [])]);

    private static OsvEventKind Kind(string word) => word switch
    {
        "introduced" => OsvEventKind.Introduced,
        "fixed" => OsvEventKind.Fixed,
        "last_affected" => OsvEventKind.LastAffected,
        _ => OsvEventKind.Limit,
    };
}
