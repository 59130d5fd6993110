using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;

namespace Jaga.Updates.Tests;

// The cases come from the Python `packaging` project's own suite: tests/test_version.py at pypa/packaging commit
// 0345ccd3d1e5b0e14b84de4fb6bca0b82f7145e3 (the 26.x line; the file is dual licensed Apache-2.0 / BSD-2-Clause).
// Ported: VERSIONS (valid, and in that order), the invalid versions, the normalizations and str() forms, rc == c,
// public / base_version / epoch / release / local / pre / post / dev, is_prerelease / is_devrelease / is_postrelease,
// major / minor / micro.
// Not ported, because they test Python API rather than PEP 440: replace() and from_parts(), the constructor cache,
// __match_args__, the NotImplemented comparison protocol and _BaseVersion subclasses, the deprecated _version
// attribute. Legacy (non PEP 440) versions: packaging dropped them in 22.0 and Jaga does not read them either.
public sealed partial class Pep440VersionTests
{
    // packaging's VERSIONS: "This list must be in the correct sorting order".
    public static readonly string[] Versions =
    [
        // Implicit epoch of 0
        "1.0.dev0", "1.0.dev456", "1.0.dev456+local", "1.0a0", "1.0a0.post0.dev0", "1.0a0.post0", "1.0a1.dev1",
        "1.0a1.dev1+local", "1.0a1", "1.0a1+local", "1.0b0", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456",
        "1.0b2.post345", "1.0b2-346", "1.0rc0", "1.0rc1.dev1", "1.0c1", "1.0rc2", "1.0", "1.0.post0.dev0", "1.0.post0",
        "1.0.post456.dev34", "1.0.post456", "1.0.post456+local", "1.0.1.dev1", "1.0.1a1", "1.0.1", "1.0.1+local",
        "1.0.1.post1", "1.1.dev1", "1.2+a", "1.2+abc", "1.2+abcdef", "1.2+def", "1.2+0", "1.2+1", "1.2+1.abc",
        "1.2+1.1", "1.2+1.1.0", "1.2+2", "1.2+123", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
        // Explicit epoch of 1
        "1!1.0.dev0", "1!1.0.dev456", "1!1.0.dev456+local", "1!1.0a0", "1!1.0a0.post0.dev0", "1!1.0a0.post0",
        "1!1.0a1.dev1", "1!1.0a1.dev1+local", "1!1.0a1", "1!1.0a1+local", "1!1.0b0", "1!1.0b1.dev456", "1!1.0b2",
        "1!1.0b2.post345.dev456", "1!1.0b2.post345", "1!1.0b2-346", "1!1.0rc0", "1!1.0rc1.dev1", "1!1.0c1",
        "1!1.0rc2", "1!1.0", "1!1.0.post0.dev0", "1!1.0.post0", "1!1.0.post456.dev34", "1!1.0.post456",
        "1!1.0.post456+local", "1!1.0.1.dev1", "1!1.0.1a1", "1!1.0.1", "1!1.0.1+local", "1!1.0.1.post1",
        "1!1.1.dev1", "1!1.2+a", "1!1.2+abc", "1!1.2+abcdef", "1!1.2+def", "1!1.2+0", "1!1.2+1", "1!1.2+1.abc",
        "1!1.2+1.1", "1!1.2+1.1.0", "1!1.2+2", "1!1.2+123", "1!1.2+123456", "1!1.2.r32+123456", "1!1.2.rev33+123456",
    ];

    public static TheoryData<int> VersionIndexes() => Data(Enumerable.Range(0, Versions.Length));

    public static TheoryData<string> InvalidVersions() => Data(
    [
        "french toast", // non sensical
        "1.0+a+", "1.0++", "1.0+_foobar", "1.0+foo&asd", "1.0+1+1", // invalid local versions
        "1. 0", "1 .0", "1. 0a1", "1 .0a1", "1.0 a1", "1.0a 1", // spaces inside
        "\u0660\u0661\u0662.\u0663\u0664\u0665.\u0666\u0667\u0668\u0669", // digits, but not ASCII ones
        ".", "..", "1..0", "1.0.", ".1.0", "1..2.3", // digits and dots only
        "1.0+\u0130", // a non-ASCII letter that case-insensitive [a-z] would match
    ]);

    public static TheoryData<string, string> Normalizations() => Pairs(
    [
        // Development releases
        "1.0dev", "1.0.dev0", "1.0.dev", "1.0.dev0", "1.0dev1", "1.0.dev1", "1.0-dev", "1.0.dev0", "1.0-dev1", "1.0.dev1",
        "1.0DEV", "1.0.dev0", "1.0.DEV", "1.0.dev0", "1.0DEV1", "1.0.dev1", "1.0.DEV1", "1.0.dev1", "1.0-DEV", "1.0.dev0",
        "1.0-DEV1", "1.0.dev1",
        // Alpha
        "1.0a", "1.0a0", "1.0.a", "1.0a0", "1.0.a1", "1.0a1", "1.0-a", "1.0a0", "1.0-a1", "1.0a1", "1.0alpha", "1.0a0",
        "1.0.alpha", "1.0a0", "1.0.alpha1", "1.0a1", "1.0-alpha", "1.0a0", "1.0-alpha1", "1.0a1", "1.0A", "1.0a0",
        "1.0.A", "1.0a0", "1.0.A1", "1.0a1", "1.0-A", "1.0a0", "1.0-A1", "1.0a1", "1.0ALPHA", "1.0a0", "1.0.ALPHA", "1.0a0",
        "1.0.ALPHA1", "1.0a1", "1.0-ALPHA", "1.0a0", "1.0-ALPHA1", "1.0a1",
        // Beta
        "1.0b", "1.0b0", "1.0.b", "1.0b0", "1.0.b1", "1.0b1", "1.0-b", "1.0b0", "1.0-b1", "1.0b1", "1.0beta", "1.0b0",
        "1.0.beta", "1.0b0", "1.0.beta1", "1.0b1", "1.0-beta", "1.0b0", "1.0-beta1", "1.0b1", "1.0B", "1.0b0",
        "1.0.B", "1.0b0", "1.0.B1", "1.0b1", "1.0-B", "1.0b0", "1.0-B1", "1.0b1", "1.0BETA", "1.0b0", "1.0.BETA", "1.0b0",
        "1.0.BETA1", "1.0b1", "1.0-BETA", "1.0b0", "1.0-BETA1", "1.0b1",
        // Release candidates
        "1.0c", "1.0rc0", "1.0.c", "1.0rc0", "1.0.c1", "1.0rc1", "1.0-c", "1.0rc0", "1.0-c1", "1.0rc1", "1.0rc", "1.0rc0",
        "1.0.rc", "1.0rc0", "1.0.rc1", "1.0rc1", "1.0-rc", "1.0rc0", "1.0-rc1", "1.0rc1", "1.0C", "1.0rc0", "1.0.C", "1.0rc0",
        "1.0.C1", "1.0rc1", "1.0-C", "1.0rc0", "1.0-C1", "1.0rc1", "1.0RC", "1.0rc0", "1.0.RC", "1.0rc0", "1.0.RC1", "1.0rc1",
        "1.0-RC", "1.0rc0", "1.0-RC1", "1.0rc1",
        // Post-releases
        "1.0post", "1.0.post0", "1.0.post", "1.0.post0", "1.0post1", "1.0.post1", "1.0-post", "1.0.post0",
        "1.0-post1", "1.0.post1", "1.0POST", "1.0.post0", "1.0.POST", "1.0.post0", "1.0POST1", "1.0.post1",
        "1.0r", "1.0.post0", "1.0rev", "1.0.post0", "1.0.POST1", "1.0.post1", "1.0.r1", "1.0.post1", "1.0.rev1", "1.0.post1",
        "1.0-POST", "1.0.post0", "1.0-POST1", "1.0.post1", "1.0-5", "1.0.post5", "1.0-r5", "1.0.post5", "1.0-rev5", "1.0.post5",
        // Local version case, integers, other normalizations
        "1.0+AbC", "1.0+abc",
        "1.01", "1.1", "1.0a05", "1.0a5", "1.0b07", "1.0b7", "1.0c056", "1.0rc56", "1.0rc09", "1.0rc9",
        "1.0.post000", "1.0.post0", "1.1.dev09000", "1.1.dev9000", "00!1.2", "1.2", "0100!0.0", "100!0.0",
        "v1.0", "1.0", "   v1.0\t\n", "1.0", "\u202f1.0\t\u2029\n ", "1.0",
        // str() of already normal versions (test_version_str_repr)
        "1.0.dev456", "1.0.dev456", "1.0a2.dev456", "1.0a2.dev456", "1.0a12.dev456", "1.0a12.dev456", "1.0a12", "1.0a12",
        "1.0b2.post345.dev456", "1.0b2.post345.dev456", "1.0rc1.dev456", "1.0rc1.dev456", "1.0.post456.dev34", "1.0.post456.dev34",
        "0!1.0.2", "1.0.2", "1.0.3+7", "1.0.3+7", "0!1.0.4+8.0", "1.0.4+8.0", "1.0.5+9.5", "1.0.5+9.5",
        "1.2+1234.abc", "1.2+1234.abc", "1.2+123456", "1.2+123456", "1.2+123abc", "1.2+123abc", "1.2+123abc456", "1.2+123abc456",
        "1.2+abc", "1.2+abc", "1.2+abc123", "1.2+abc123", "1.2+abc123def", "1.2+abc123def", "1.1.dev1", "1.1.dev1",
        "7!1.0.dev456", "7!1.0.dev456", "7!1.0a1", "7!1.0a1", "7!1.0a2.dev456", "7!1.0a2.dev456", "7!1.0a12.dev456", "7!1.0a12.dev456",
        "7!1.0a12", "7!1.0a12", "7!1.0b1.dev456", "7!1.0b1.dev456", "7!1.0b2", "7!1.0b2", "7!1.0b2.post345.dev456", "7!1.0b2.post345.dev456",
        "7!1.0b2.post345", "7!1.0b2.post345", "7!1.0rc1.dev456", "7!1.0rc1.dev456", "7!1.0rc1", "7!1.0rc1", "7!1.0", "7!1.0",
        "7!1.0.post456.dev34", "7!1.0.post456.dev34", "7!1.0.post456", "7!1.0.post456", "7!1.0.1", "7!1.0.1", "7!1.0.2", "7!1.0.2",
        "7!1.0.3+7", "7!1.0.3+7", "7!1.0.4+8.0", "7!1.0.4+8.0", "7!1.0.5+9.5", "7!1.0.5+9.5", "7!1.1.dev1", "7!1.1.dev1",
    ]);

    // One row per version of packaging's public/base_version/epoch/release/local/pre/dev/post tables (all have release
    // (1, 0)): version, public, base_version, epoch, local, pre, post, dev (-1 for None).
    public static TheoryData<string, string, string, long, string?, string?, long, long> Parts()
    {
        var data = new TheoryData<string, string, string, long, string?, string?, long, long>();
        foreach (var local in new[] { "", "+deadbeef" })
        {
            foreach (var epoch in new[] { 0L, 1L })
            {
                var e = epoch == 0 ? "" : "1!";
                var l = local.Length == 0 ? null : "deadbeef";
                data.Add($"{e}1.0{local}", $"{e}1.0", $"{e}1.0", epoch, l, null, -1, -1);
                if (epoch == 0 && l is null) data.Add("1.0.dev0", "1.0.dev0", "1.0", 0, null, null, -1, 0);
                data.Add($"{e}1.0.dev6{local}", $"{e}1.0.dev6", $"{e}1.0", epoch, l, null, -1, 6);
                data.Add($"{e}1.0a1{local}", $"{e}1.0a1", $"{e}1.0", epoch, l, "a1", -1, -1);
                data.Add($"{e}1.0a1.post5{local}", $"{e}1.0a1.post5", $"{e}1.0", epoch, l, "a1", 5, -1);
                data.Add($"{e}1.0a1.post5.dev6{local}", $"{e}1.0a1.post5.dev6", $"{e}1.0", epoch, l, "a1", 5, 6);
                data.Add($"{e}1.0rc4{local}", $"{e}1.0rc4", $"{e}1.0", epoch, l, "rc4", -1, -1);
                data.Add($"{e}1.0.post5{local}", $"{e}1.0.post5", $"{e}1.0", epoch, l, null, 5, -1);
            }
        }
        return data;
    }

    public static TheoryData<string, bool> Prereleases() => Flags(
    [
        "1.0.dev0", "1.0.dev1", "1.0a1.dev1", "1.0b1.dev1", "1.0c1.dev1", "1.0rc1.dev1", "1.0a1", "1.0b1", "1.0c1", "1.0rc1",
        "1.0a1.post1.dev1", "1.0b1.post1.dev1", "1.0c1.post1.dev1", "1.0rc1.post1.dev1", "1.0a1.post1", "1.0b1.post1",
        "1.0c1.post1", "1.0rc1.post1",
    ], ["1.0", "1.0+dev", "1.0.post1", "1.0.post1+dev"]);

    public static TheoryData<string, bool> Postreleases() =>
        Flags(["1.0.post1.dev1", "1.0.post1"], ["1.0.dev1", "1.0", "1.0+foo"]);

    [Theory]
    [MemberData(nameof(VersionIndexes))]
    public void Every_version_of_packagings_list_reads(int index) =>
        Assert.True(Pep440Version.TryParse(Versions[index], out _), Versions[index]);

    [Theory]
    [MemberData(nameof(VersionIndexes))]
    public void Versions_order_exactly_as_packagings_list(int index)
    {
        var version = Parse(Versions[index]);
        for (var other = 0; other < Versions.Length; other++)
        {
            var against = Parse(Versions[other]);
            Assert.True(Math.Sign(index - other) == Math.Sign(version.CompareTo(against)), $"{Versions[index]} vs {Versions[other]}");
            Assert.Equal(index == other, version == against);
            Assert.Equal(index < other, version < against);
            Assert.Equal(index >= other, version >= against);
        }
        Assert.Equal(version.GetHashCode(), Parse(Versions[index]).GetHashCode());
    }

    [Theory]
    [MemberData(nameof(InvalidVersions))]
    public void Text_that_is_no_PEP_440_version_does_not_read(string text) =>
        Assert.False(Pep440Version.TryParse(text, out _));

    [Theory]
    [MemberData(nameof(Normalizations))]
    public void Versions_normalize_as_packaging_writes_them(string text, string normalized)
    {
        var version = Parse(text);
        Assert.Equal(normalized, version.Normalized);
        Assert.Equal(text, version.Text);
        Assert.Equal(Parse(normalized), version);
        Assert.Equal(Parse(normalized).GetHashCode(), version.GetHashCode());
    }

    [Fact]
    public void A_c_release_candidate_is_an_rc() => Assert.Equal(Parse("1.0rc1"), Parse("1.0c1"));

    [Theory]
    [MemberData(nameof(Parts))]
    public void A_version_exposes_its_parts(string text, string publicPart, string baseVersion, long epoch, string? local,
        string? pre, long post, long dev)
    {
        var version = Parse(text);
        Assert.Equal(publicPart, version.Public);
        Assert.Equal(baseVersion, version.BaseVersion);
        Assert.Equal(epoch, version.Epoch);
        Assert.Equal(new long[] { 1, 0 }, version.ReleaseNumbers.ToArray());
        Assert.Equal(local, version.Local);
        Assert.Equal(pre, version.Pre is { } p ? p.Label + p.Number : null);
        Assert.Equal(post < 0 ? null : post, version.Post);
        Assert.Equal(dev < 0 ? null : dev, version.Dev);
        Assert.Equal(dev >= 0, version.IsDevrelease);
    }

    [Theory]
    [MemberData(nameof(Prereleases))]
    public void Pre_and_development_releases_are_prereleases(string text, bool prerelease) =>
        Assert.Equal(prerelease, Parse(text).IsPrerelease);

    [Theory]
    [MemberData(nameof(Postreleases))]
    public void Post_releases_are_known(string text, bool postrelease) =>
        Assert.Equal(postrelease, Parse(text).IsPostrelease);

    [Theory]
    [InlineData("2.1.0", 2, 1, 0)] // packaging: major, minor
    [InlineData("2", 2, 0, 0)] // packaging: minor and micro of a short release are 0
    [InlineData("2.1", 2, 1, 0)]
    [InlineData("2.1.3", 2, 1, 3)]
    [InlineData("1!2.1.3.4rc1+local", 2, 1, 3)] // Jaga: the first three release numbers, whatever follows
    public void Release_is_major_minor_and_micro(string text, long major, long minor, long patch) =>
        Assert.Equal((major, minor, patch), Parse(text).Release);

    [Theory]
    [InlineData("1.999999999999999999", true)] // 18 significant digits
    [InlineData("1.0000000000000000000000001", true)] // leading zeros do not count
    [InlineData("1.9999999999999999999", false)] // 19: beyond what Jaga reads
    [InlineData("1.0+99999999999999999999999999", true)] // a local number is compared as digits, at any length
    public void Numbers_have_at_most_18_significant_digits(string text, bool reads) =>
        Assert.Equal(reads, Pep440Version.TryParse(text, out _));

    [Fact]
    public void The_PyPI_scheme_reads_PEP_440_and_keeps_the_text_as_written()
    {
        var scheme = VersionScheme.For(Ecosystem.PyPI);
        Assert.Same(Pep440VersionScheme.Instance, scheme);
        Assert.True(scheme.TryParseVersion("1.0-Beta.2", out var version));
        Assert.Equal("1.0-Beta.2", version.Text);
        Assert.Equal(Ecosystem.PyPI, version.Ecosystem);
        Assert.True(version.IsPrerelease);
        Assert.False(scheme.TryParseVersion("not-a-version", out _));
        Assert.True(VersionScheme.For(Ecosystem.NuGet).TryParseVersion("1.0.0", out var nuget));
        Assert.Throws<InvalidOperationException>(() => version.CompareTo(nuget));
    }

    [Theory]
    [InlineData("1.0", "1.0.1", UpdateKind.Patch)]
    [InlineData("1.0", "1.1", UpdateKind.Minor)]
    [InlineData("1.26.0", "2.0.0rc1", UpdateKind.Major)]
    [InlineData("2.0rc1", "2.0", UpdateKind.Patch)]
    public void Update_kinds_read_the_release_numbers(string from, string to, UpdateKind kind) =>
        Assert.Equal(kind, UpdateKinds.Between(Parse(from), Parse(to)));

    // Jaga reads versions by hand; PEP 440's appendix gives the grammar as a regular expression (packaging's
    // VERSION_PATTERN). Both must accept the same texts and read the same parts from them.
    [Fact]
    public void Versions_read_as_PEP_440s_regular_expression_reads_them()
    {
        string[] tokens =
        [
            "0", "1", "2", "00", "01", "10", "123", ".", "-", "_", "!", "+", "v", "V", "a", "A", "alpha", "b", "beta", "c",
            "C", "rc", "RC", "pre", "preview", "post", "POST", "rev", "r", "dev", "DEV", "local", "x", "abc", " ",
        ];
        var random = new Random(440);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => tokens[random.Next(tokens.Length)]));
            if (random.Next(2) == 0) text = random.Next(3) + "." + text;
            var match = Appendix().Match(text);
            Assert.True(match.Success == Pep440Version.TryParse(text, out var version), $"'{text}'");
            if (version is not null) Assert.Equal(AppendixNormalized(match), version.Normalized);
        }
    }

    private static string AppendixNormalized(Match m)
    {
        static long N(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        var epoch = N(m.Groups["epoch"]);
        var text = (epoch == 0 ? "" : $"{epoch}!") + string.Join('.', m.Groups["release"].Value.Split('.').Select(long.Parse));
        if (m.Groups["pre"].Success)
        {
            var label = m.Groups["pre_l"].Value.ToLowerInvariant() switch { "alpha" or "a" => "a", "beta" or "b" => "b", _ => "rc" };
            text += label + N(m.Groups["pre_n"]);
        }
        if (m.Groups["post"].Success) text += ".post" + (m.Groups["post_n1"].Success ? N(m.Groups["post_n1"]) : N(m.Groups["post_n2"]));
        if (m.Groups["dev"].Success) text += ".dev" + N(m.Groups["dev_n"]);
        if (m.Groups["local"].Success)
        {
            var segments = m.Groups["local"].Value.ToLowerInvariant().Split('.', '-', '_');
            text += "+" + string.Join('.', segments.Select(s => s.All(char.IsAsciiDigit) ? long.Parse(s, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : s));
        }
        return text;
    }

    [GeneratedRegex(
        @"\A\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
        @"(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?" +
        @"(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?" +
        @"(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Appendix();

    internal static Pep440Version Parse(string text) =>
        Pep440Version.TryParse(text, out var version) ? version : throw new ArgumentException($"not PEP 440: {text}");

    private static TheoryData<T> Data<T>(IEnumerable<T> values)
    {
        var data = new TheoryData<T>();
        foreach (var value in values) data.Add(value);
        return data;
    }

    private static TheoryData<string, string> Pairs(string[] flat)
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i < flat.Length; i += 2) data.Add(flat[i], flat[i + 1]);
        return data;
    }

    private static TheoryData<string, bool> Flags(string[] yes, string[] no)
    {
        var data = new TheoryData<string, bool>();
        foreach (var text in yes) data.Add(text, true);
        foreach (var text in no) data.Add(text, false);
        return data;
    }
}
