using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;

namespace Jaga.Updates.Tests;

public sealed class VersionSchemeTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.10", -1)]
    [InlineData("1.0.0-beta", "1.0.0", -1)]
    [InlineData("1.0.0.1", "1.0.0", 1)]
    [InlineData("1.0", "1.0.0", 0)]
    public void NuGet_versions_compare_by_nuget_rules(string a, string b, int sign)
    {
        var scheme = VersionScheme.For(Ecosystem.NuGet);
        Assert.True(scheme.TryParseVersion(a, out var va));
        Assert.True(scheme.TryParseVersion(b, out var vb));
        Assert.Equal(sign, Math.Sign(va.CompareTo(vb)));
    }

    [Theory]
    [InlineData("13.0.1", "13.0.3", true)]
    [InlineData("13.0.1", "12.0.3", false)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("[1.2.3]", "1.2.4", false)]
    public void NuGet_ranges(string range, string version, bool contains)
    {
        var scheme = VersionScheme.For(Ecosystem.NuGet);
        Assert.True(scheme.TryParseRange(range, out var r));
        Assert.True(scheme.TryParseVersion(version, out var v));
        Assert.Equal(contains, r.Contains(v));
    }

    [Theory]
    [InlineData("^4.17.0", "4.17.21", true)]
    [InlineData("^4.17.0", "5.0.0", false)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("1.x", "1.9.0", true)]
    [InlineData("^1.0.0 || ^2.0.0", "2.5.0", true)]
    [InlineData("^1.0.0", "1.1.0-beta.1", false)]
    [InlineData("^1.1.0-beta.0", "1.1.0-beta.1", true)]
    [InlineData("", "9.9.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    public void Npm_ranges_follow_node_semver(string range, string version, bool contains)
    {
        var scheme = VersionScheme.For(Ecosystem.Npm);
        Assert.True(scheme.TryParseRange(range, out var r));
        Assert.True(scheme.TryParseVersion(version, out var v));
        Assert.Equal(contains, r.Contains(v));
    }

    [Theory]
    [InlineData("1.2.3", "1.2.4", UpdateKind.Patch)]
    [InlineData("1.2.3", "1.3.0", UpdateKind.Minor)]
    [InlineData("1.2.3", "2.0.0", UpdateKind.Major)]
    [InlineData("1.2.3-rc.1", "1.2.3", UpdateKind.Patch)]
    public void Update_kind_is_the_first_release_number_that_changes(string from, string to, UpdateKind kind)
    {
        var scheme = VersionScheme.For(Ecosystem.Npm);
        Assert.True(scheme.TryParseVersion(from, out var a));
        Assert.True(scheme.TryParseVersion(to, out var b));
        Assert.Equal(kind, UpdateKinds.Between(a, b));
    }

    [Theory]
    [InlineData("1.5", "1!1.0", UpdateKind.Major)]
    [InlineData("1.26.0", "1.26.4", UpdateKind.Patch)]
    [InlineData("1.26.4", "2.0.0rc1", UpdateKind.Major)]
    public void A_python_update_kind_counts_the_epoch(string from, string to, UpdateKind kind)
    {
        var scheme = VersionScheme.For(Ecosystem.PyPI);
        Assert.True(scheme.TryParseVersion(from, out var a));
        Assert.True(scheme.TryParseVersion(to, out var b));
        Assert.Equal(kind, UpdateKinds.Between(a, b));
    }

    [Fact]
    public void Versions_of_different_ecosystems_are_never_compared()
    {
        Assert.True(VersionScheme.For(Ecosystem.Npm).TryParseVersion("1.0.0", out var npm));
        Assert.True(VersionScheme.For(Ecosystem.NuGet).TryParseVersion("1.0.0", out var nuget));
        Assert.Throws<InvalidOperationException>(() => npm.CompareTo(nuget));
    }
}
