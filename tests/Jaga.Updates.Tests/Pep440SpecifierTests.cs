using Jaga.Core.Updates.Versions;
using static Jaga.Updates.Tests.Pep440VersionTests;

namespace Jaga.Updates.Tests;

// The cases come from the Python `packaging` project's own suite: tests/test_specifiers.py at pypa/packaging commit
// 00d365f9d287bfc82062b0e7ed6b4161b0b2f611 (the 26.x line, with the range-based `<`/`>` rules of packaging #1140;
// the file is dual licensed Apache-2.0 / BSD-2-Clause). This file holds the single-specifier cases (TestSpecifier);
// Pep440SpecifierSetTests holds the set cases (TestSpecifierSet, TestIsUnsatisfiable).
// Ported: SPECIFIERS, the invalid specifiers, every normalized version under every operator, str(), the
// contains/not-contains table (test_specifiers), === (test_arbitrary_equality and its normalization cases), prereleases
// detection, and the pre-release cases (test_specifiers_prereleases, test_specifier_prereleases_set).
// Deliberately different: with no prereleases argument, packaging 25+ lets contains() admit a pre-release and leaves
// PEP 440's exclusion to filter(); Jaga's Contains(v) applies the exclusion itself (a set admits pre-releases only when
// a specifier names one, packaging <= 24's contains()). Those rows carry Jaga's answer next to packaging's, and are also
// checked with pre-releases admitted, where both agree.
// Not supported, so not ported: non PEP 440 strings (=== "lolwat", "foobar", "not a valid version": Jaga only holds
// PEP 440 versions), === against a normalized Version object (Jaga compares the text as written, as packaging does for
// strings), filter() and its key= argument (the update planner picks versions), Specifier equality/hashing/pickling,
// operator/version properties and the internal caches.
public sealed class Pep440SpecifierTests
{
    public static readonly string[] Specifiers =
        ["~=2.0", "==2.1.*", "==2.1.0.3", "!=2.2.*", "!=2.2.0.5", "<=5", ">=7.9a1", "<1.0.dev1", ">2.0.post1", "===lolwat"];

    public static TheoryData<string> ValidSpecifiers() => Strings(Specifiers);

    public static TheoryData<string> InvalidSpecifiers() => Strings(
    [
        "2.0", "=>2.0", "==", // no operator, an unknown one, no version
        "~=1.0+5", ">=1.0+deadbeef", "<=1.0+abc123", ">1.0+watwat", "<1.0+1.0", // a local version where none is allowed
        "~=1.0.*", ">=1.0.*", "<=1.0.*", ">1.0.*", "<1.0.*", // a prefix match where none is allowed
        "==1.0.*+5", "!=1.0.*+deadbeef", // a prefix match and a local version together
        "==2.0a1.*", "!=2.0a1.*", "==2.0.post1.*", "!=2.0.post1.*", "==2.0.dev1.*", "!=2.0.dev1.*", "==1.0+5.*",
        "!=1.0+deadbeef.*", // a prefix match of a pre, post, dev or local version
        "==1.0.*.5", // the prefix match must come last
        "~=1", // ~= needs two release numbers
        "==1.0.dev1.*", "!=1.0.dev1.*",
        "==1.2+\u0130", "==1.2+\u0130\u0131\u017fK", // letters that case-insensitive [a-z] would match
    ]);

    public static TheoryData<string> NormalizedVersions() => Strings(
    [
        "1.0dev", "1.0.dev", "1.0dev1", "1.0-dev", "1.0-dev1", "1.0DEV", "1.0.DEV", "1.0DEV1", "1.0.DEV1", "1.0-DEV",
        "1.0-DEV1", "1.0a", "1.0.a", "1.0.a1", "1.0-a", "1.0-a1", "1.0alpha", "1.0.alpha", "1.0.alpha1", "1.0-alpha",
        "1.0-alpha1", "1.0A", "1.0.A", "1.0.A1", "1.0-A", "1.0-A1", "1.0ALPHA", "1.0.ALPHA", "1.0.ALPHA1", "1.0-ALPHA",
        "1.0-ALPHA1", "1.0b", "1.0.b", "1.0.b1", "1.0-b", "1.0-b1", "1.0beta", "1.0.beta", "1.0.beta1", "1.0-beta",
        "1.0-beta1", "1.0B", "1.0.B", "1.0.B1", "1.0-B", "1.0-B1", "1.0BETA", "1.0.BETA", "1.0.BETA1", "1.0-BETA",
        "1.0-BETA1", "1.0c", "1.0.c", "1.0.c1", "1.0-c", "1.0-c1", "1.0rc", "1.0.rc", "1.0.rc1", "1.0-rc", "1.0-rc1",
        "1.0C", "1.0.C", "1.0.C1", "1.0-C", "1.0-C1", "1.0RC", "1.0.RC", "1.0.RC1", "1.0-RC", "1.0-RC1", "1.0post",
        "1.0.post", "1.0post1", "1.0-post", "1.0-post1", "1.0POST", "1.0.POST", "1.0POST1", "1.0.POST1", "1.0-POST",
        "1.0-POST1", "1.0-5", "1.0+AbC", "1.01", "1.0a05", "1.0b07", "1.0c056", "1.0rc09", "1.0.post000", "1.1.dev09000",
        "00!1.2", "0100!0.0", "v1.0", "  \r \f \v v1.0\t\n",
    ]);

    // test_specifiers: (version, specifier) with pre-releases admitted (packaging's Specifier(spec, prereleases=True)).
    public static TheoryData<string, string, bool> Matches() => Table(matching:
    [
        "2.0", "==2", "2.0", "==2.0", "2.0", "==2.0.0", "2.0+deadbeef", "==2", "2.0+deadbeef", "==2.0",
        "2.0+deadbeef", "==2.0.0", "2.0+deadbeef", "==2+deadbeef", "2.0+deadbeef", "==2.0+deadbeef",
        "2.0+deadbeef", "==2.0.0+deadbeef", "2.0+deadbeef.0", "==2.0.0+deadbeef.00",
        "2.dev1", "==2.*", "2a1", "==2.*", "2a1.post1", "==2.*", "2b1", "==2.*", "2b1.dev1", "==2.*", "2c1", "==2.*",
        "2c1.post1.dev1", "==2.*", "2c1.post1.dev1", "==2.0.*", "2rc1", "==2.*", "2rc1", "==2.0.*", "2", "==2.*",
        "2", "==2.0.*", "2", "==2.0.0.*", "2", "==0!2.*", "0!2", "==2.*", "2.0", "==2.*", "2.0.0", "==2.*",
        "2.0.0.0", "==2.0.*", "2.1+local.version", "==2.1.*",
        "2.1", "!=2", "2.1", "!=2.0", "2.0.1", "!=2", "2.0.1", "!=2.0", "2.0.1", "!=2.0.0", "2.0", "!=2.0+deadbeef",
        "2.0", "!=3.*", "2.1", "!=2.0.*", "3", "!=2.0.0.*", "2.1.0.0", "!=2.0.*",
        "2.0", ">=2", "2.0", ">=2.0", "2.0", ">=2.0.0", "2.0.post1", ">=2", "2.0.post1.dev1", ">=2", "3", ">=2",
        "3.0.0a8", ">=3.0.0a7",
        "2.0", "<=2", "2.0", "<=2.0", "2.0", "<=2.0.0", "2.0.dev1", "<=2", "2.0a1", "<=2", "2.0a1.dev1", "<=2",
        "2.0b1", "<=2", "2.0b1.post1", "<=2", "2.0c1", "<=2", "2.0c1.post1.dev1", "<=2", "2.0rc1", "<=2", "1", "<=2",
        "3.0.0a7", "<=3.0.0a8",
        "3", ">2", "2.1", ">2.0", "2.0.1", ">2", "2.1.post1", ">2", "2.1+local.version", ">2", "3.0.0a8", ">3.0.0a7",
        "1", "<2", "2.0", "<2.1", "2.0.dev0", "<2.1", "3.0.0a7", "<3.0.0a8",
        "1", "~=1.0", "1.0.1", "~=1.0", "1.1", "~=1.0", "1.9999999", "~=1.0", "1.1", "~=1.0a1", "2022.01.01", "~=2022.01.01",
        "2!1.0", "~=2!1.0", "2!1.0", "==2!1.*", "2!1.0", "==2!1.0", "2!1.0", "!=1.0", "2!1.0.0", "==2!1.0.0.0.*",
        "2!1.0.0", "==2!1.0.*", "2!1.0.0", "==2!1.*", "1.0", "!=2!1.0", "1.0", "<=2!0.1", "2!1.0", ">=2.0",
        "1.0", "<2!0.1", "2!1.0", ">2.0",
        "2.0.5", ">2.0dev",
        "1.0+local", ">1.0.dev1", "4.1.0a2.dev1235+local", ">4.1.0a2.dev1234", "1.0a2+local", ">1.0a1",
        "1.0b2+local", ">1.0b1", "1.0rc2+local", ">1.0rc1", "1.0.post2+local", ">1.0.post1", "1.0.dev2+local", ">1.0.dev1",
        "1.0a1.dev2+local", ">1.0a1.dev1", "1.0.post1.dev2+local", ">1.0.post1.dev1",
    ], notMatching:
    [
        "2.1", "==2", "2.1", "==2.0", "2.1", "==2.0.0", "2.0", "==2.0+deadbeef",
        "2.0", "==3.*", "2.1", "==2.0.*", "3", "==2.0.0.*", "2.1.0.0", "==2.0.*",
        "2.0", "!=2", "2.0", "!=2.0", "2.0", "!=2.0.0", "2.0+deadbeef", "!=2", "2.0+deadbeef", "!=2.0",
        "2.0+deadbeef", "!=2.0.0", "2.0+deadbeef", "!=2+deadbeef", "2.0+deadbeef", "!=2.0+deadbeef",
        "2.0+deadbeef", "!=2.0.0+deadbeef", "2.0+deadbeef.0", "!=2.0.0+deadbeef.00",
        "2.dev1", "!=2.*", "2a1", "!=2.*", "2a1.post1", "!=2.*", "2b1", "!=2.*", "2b1.dev1", "!=2.*", "2c1", "!=2.*",
        "2c1.post1.dev1", "!=2.*", "2c1.post1.dev1", "!=2.0.*", "2rc1", "!=2.*", "2rc1", "!=2.0.*", "2", "!=2.*",
        "2", "!=2.0.*", "2", "!=2.0.0.*", "2.0", "!=2.*", "2.0.0", "!=2.*", "2.0.0.0", "!=2.0.*",
        "2.0.dev1", ">=2", "2.0a1", ">=2", "2.0a1.dev1", ">=2", "2.0b1", ">=2", "2.0b1.post1", ">=2", "2.0c1", ">=2",
        "2.0c1.post1.dev1", ">=2", "2.0rc1", ">=2", "1", ">=2",
        "2.0.post1", "<=2", "2.0.post1.dev1", "<=2", "3", "<=2",
        "1", ">2", "2.0.dev1", ">2", "2.0a1", ">2", "2.0a1.post1", ">2", "2.0b1", ">2", "2.0b1.dev1", ">2", "2.0c1", ">2",
        "2.0c1.post1.dev1", ">2", "2.0rc1", ">2", "2.0", ">2", "2.0.post1", ">2", "2.0.post1.dev1", ">2",
        "2.0+local.version", ">2", "4.1.0a2.dev1234+local", ">4.1.0a2.dev1234",
        "1.0a1+local", ">1.0a1", "1.0b1+local", ">1.0b1", "1.0rc1+local", ">1.0rc1", "1.0.post1+local", ">1.0.post1",
        "1.0.dev1+local", ">1.0.dev1", "1.0a1.dev1+local", ">1.0a1.dev1", "1.0.post1.dev1+local", ">1.0.post1.dev1",
        "2.0.dev1", "<2", "2.0a1", "<2", "2.0a1.post1", "<2", "2.0b1", "<2", "2.0b2.dev1", "<2", "2.0c1", "<2",
        "2.0c1.post1.dev1", "<2", "2.0rc1", "<2", "2.0", "<2", "2.post1", "<2", "2.post1.dev1", "<2", "3", "<2",
        "2.0", "~=1.0", "1.1.0", "~=1.0.0", "1.1.post1", "~=1.0.0",
        "1.0", "~=2!1.0", "2!1.0", "~=1.0", "2!1.0", "==1.0", "1.0", "==2!1.0", "2!1.0", "==1.0.0.*", "1.0", "==2!1.0.0.*",
        "2!1.0", "==1.*", "1.0", "==2!1.*", "2!1.0", "!=2!1.0",
    ]);

    // test_arbitrary_equality and test_arbitrary_equality_normalization (string forms): the text as written, any case.
    public static TheoryData<string, string, bool> ArbitraryEquality() => Table(matching:
    [
        "1.0", "===1.0", "1.0.dev0", "===1.0.dev0", "1.0a1", "===1.0a1", "1.0A1", "===1.0A1", "1.0a1", "===1.0A1",
        "1.0A1", "===1.0a1", "1.0b1", "===1.0b1", "1.0B1", "===1.0B1", "1.0b1", "===1.0B1", "1.0B1", "===1.0b1",
        "1.0rc1", "===1.0rc1", "1.0RC1", "===1.0RC1", "1.0rc1", "===1.0RC1", "1.0RC1", "===1.0rc1",
        "1.0.post1", "===1.0.post1", "1.0.POST1", "===1.0.POST1", "1.0.post1", "===1.0.POST1", "1.0.POST1", "===1.0.post1",
        "1.0.dev1", "===1.0.dev1", "1.0.DEV1", "===1.0.DEV1", "1.0.dev1", "===1.0.DEV1", "1.0.DEV1", "===1.0.dev1",
        "1.0+local", "===1.0+local", "1.0+LOCAL", "===1.0+LOCAL", "1.0+local", "===1.0+LOCAL", "1.0+LOCAL", "===1.0+local",
        "1.0+abc.def", "===1.0+abc.def", "1.0+ABC.DEF", "===1.0+ABC.DEF", "1.0+abc.def", "===1.0+ABC.DEF",
        "1.0+ABC.DEF", "===1.0+abc.def", "1.0+AbC", "===1.0+AbC", "1.0+AbC", "===1.0+abc", "1.0+AbC", "===1.0+ABC",
        "1.0a1.post2.dev3", "===1.0a1.post2.dev3", "1.0A1.POST2.DEV3", "===1.0A1.POST2.DEV3",
        "1.0a1.post2.dev3", "===1.0A1.POST2.DEV3", "1.0A1.POST2.DEV3", "===1.0a1.post2.dev3",
        "1.01", "===1.01", "1.1", "===1.1", "1.a1", "===1.a1", "1a1", "===1a1", "0!1.0", "===0!1.0", "01.0", "===01.0",
        "1.0.post1", "===1.0.post1", "1.0-1", "===1.0-1", "1.0.dev01", "===1.0.dev01",
    ], notMatching:
    [
        "1.0.0", "===1.0", "1.0.dev0", "===1.0", "1.0+downstream1", "===1.0", "1.0", "===1.0+downstream1",
        "1.01", "===1.1", "1.1", "===1.01", "1.a1", "===1a1", "1a1", "===1.a1", "1.0", "===0!1.0", "0!1.0", "===1.0",
        "1.0", "===01.0", "01.0", "===1.0", "1.0.post1", "===1.0-1", "1.0-1", "===1.0.post1", "1.0.dev1", "===1.0.dev01",
        "1.0.dev01", "===1.0.dev1",
    ]);

    // test_specifier_prereleases_detection: whether the specifier names a pre-release.
    public static TheoryData<string, bool> NamesPrerelease() => Flags(
        ["<1.0.dev1", ">1.0.dev1", "==1.0.dev1", ">=1.0.dev1", "<=1.0.dev1", "~=1.0.dev1"],
        ["==1.0", ">=1.0", "<=1.0", "~=1.0", "<1.0", ">1.0", "!=1.0.dev1", "==1.0.*"]);

    // test_specifiers_prereleases and test_specifier_prereleases_set: (specifier, prereleases argument — packaging's
    // contains(prereleases=) or else its Specifier(prereleases=), null for neither — version, packaging's answer,
    // Jaga's answer). They differ only where packaging 25+ admits a pre-release that no specifier names.
    public static TheoryData<string, bool?, string, bool, bool> Prereleases() => Pep440SpecifierSetTests.Rows(
    [
        (">=1.0", null, "2.0.dev1", true, false), (">=2.0.dev1", null, "2.0a1", true, true),
        ("==2.0.*", null, "2.0a1.dev1", true, false), ("<=2.0", null, "1.0.dev1", true, false),
        ("<=2.0.dev1", null, "1.0a1", true, true), ("<2.0", null, "2.0a1", false, false),
        ("<2.0a2", null, "2.0a1", true, true),
        (">1.0.dev1", null, "1.0.dev0", false, false), (">1.0.dev1", null, "1.0.dev2", true, true),
        (">1.0.dev1", null, "1.0.post0", true, true), (">1.0.dev1", null, "1.0.post1", true, true),
        (">1.0.dev0", null, "1.0.post0", true, true), (">1.0a1", null, "1.0.post0", true, true),
        (">1.0b1", null, "1.0.post0", true, true), (">1.0rc1", null, "1.0.post0", true, true),
        (">1.0a1", null, "1.0a1.post0", false, false), (">1.0b2", null, "1.0b2.post0", false, false),
        (">1.0rc1", null, "1.0rc1.post0", false, false), (">1.0a1", null, "1.0a2.post0", true, true),
        (">1.0b1", null, "1.0b2.post0", true, true), (">1.0.dev1", null, "1.0", true, true),
        (">1.0.dev1", null, "1.0a1", true, true), (">1.0.dev1", null, "1.1", true, true),
        (">1.0", null, "1.0.post0", false, false), (">1.0", null, "1.0.post1", false, false),
        (">1.0", null, "2.0.post0", true, true), (">1.0", null, "0.9.post0", false, false),
        (">1.0.dev1", null, "1.1.post0", true, true), (">1.0.dev1", null, "0.9.post0", false, false),
        ("<1.0.post1", null, "1.0.post1.dev0", false, false), ("<1.0.post0", null, "1.0.post0.dev0", false, false),
        ("<1.0.post1", null, "1.0.dev0", true, false), ("<1.0.post1", null, "1.0a1", true, false),
        ("<1.0.post1", null, "1.0rc1", true, false), ("<1.0.post0", null, "1.0.dev0", true, false),
        ("<1.0.post0", null, "1.0a1", true, false), ("<1.0.post0", null, "1.0b1", true, false),
        ("<1.0.post0", null, "1.0rc2", true, false), ("<1.0.post1", null, "1.0.post0.dev0", true, false),
        ("<1.0.post2", null, "1.0.post1.dev0", true, false), ("<1.0.post1", null, "1.0", true, true),
        ("<1.0.post1", null, "1.0.post0", true, true), ("<1.0.post1", null, "0.9", true, true),
        ("<1.0.post0", null, "1.0", true, true), ("<1.0.post10", null, "1.0.dev0", true, false),
        ("<1.0.post10", null, "1.0.post9.dev0", true, false), ("<1.0.post10", null, "1.0.post9", true, true),
        ("<1.0.post1", null, "1.0+local", true, true), ("<1.0.post1", null, "1.0.post0+local", true, true),
        ("<1.0.post1", null, "0.9.dev0", true, false),
        ("<=2.0", false, "1.0.dev1", false, false), ("<=2.0a1", false, "1.0.dev1", false, false),
        ("<=2.0", true, "1.0.dev1", true, true), ("<=2.0a1", true, "1.0.dev1", true, true),
        // test_specifier_prereleases_set, before and after the setter
        (">1.0", null, "1.0.dev1", false, false), (">1.0", true, "1.0.dev1", false, false),
        (">1.0", null, "2.0.dev1", true, false), (">1.0", true, "2.0.dev1", true, true),
        (">1.0", false, "2.0.dev1", false, false), (">=2.0.dev1", null, "2.0a1", true, true),
        (">=2.0.dev1", true, "2.0a1", true, true), (">=2.0.dev1", false, "2.0a1", false, false),
        (">1.0", null, "2.0a1", true, false), (">1.0", null, "2.0b1", true, false), (">1.0", null, "2.0rc1", true, false),
        (">1.0", true, "2.0a1", true, true), (">1.0", true, "2.0b1", true, true), (">1.0", true, "2.0rc1", true, true),
        ("==2.0.*", null, "2.0.dev1", true, false), ("==2.0.*", true, "2.0.dev1", true, true),
        ("==2.0.*", false, "2.0.dev1", false, false), ("<1.0.dev1", null, "0.9.dev1", true, true),
        ("<1.0.dev1", false, "0.9.dev1", false, false), (">1.0.dev1", null, "1.1.dev1", true, true),
    ]);

    [Theory]
    [MemberData(nameof(ValidSpecifiers))]
    public void Packagings_specifiers_read(string text) => Assert.True(Pep440Specifier.TryParse(text, out _), text);

    [Theory]
    [MemberData(nameof(InvalidSpecifiers))]
    public void Invalid_specifiers_do_not_read(string text) => Assert.False(Pep440Specifier.TryParse(text, out _), text);

    [Theory]
    [MemberData(nameof(NormalizedVersions))]
    public void Every_spelling_of_a_version_reads_after_every_operator_that_allows_it(string version)
    {
        string[] operators = version.Contains('+') ? ["==", "!="] : ["~=", "==", "!=", "<=", ">=", "<", ">"];
        foreach (var op in operators) Assert.True(Pep440Specifier.TryParse(op + version, out _), op + version);
    }

    [Theory]
    [InlineData("!=2.0", "!=2.0")]
    [InlineData("<2.0", "<2.0")]
    [InlineData("<=2.0", "<=2.0")]
    [InlineData("==2.0", "==2.0")]
    [InlineData(">2.0", ">2.0")]
    [InlineData(">=2.0", ">=2.0")]
    [InlineData("~=2.0", "~=2.0")]
    [InlineData("< 2", "<2")]
    public void A_specifier_writes_without_spaces(string text, string written)
    {
        Assert.True(Pep440Specifier.TryParse(text, out var specifier));
        Assert.Equal(written, specifier.ToString());
    }

    [Theory]
    [MemberData(nameof(Matches))]
    public void Specifiers_match_as_packaging_matches_them(string version, string text, bool matches)
    {
        Assert.True(Pep440Specifier.TryParse(text, out var specifier), text);
        Assert.Equal(matches, specifier.Matches(Parse(version)));
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set));
        Assert.Equal(matches, set.Contains(Parse(version), allowPrereleases: true));
    }

    [Theory]
    [MemberData(nameof(ArbitraryEquality))]
    public void Arbitrary_equality_compares_the_text_as_written(string version, string text, bool matches)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set), text);
        Assert.Equal(matches, set.Contains(Parse(version), allowPrereleases: true));
    }

    [Theory]
    [MemberData(nameof(NamesPrerelease))]
    public void A_specifier_names_a_prerelease_when_its_version_is_one(string text, bool names)
    {
        Assert.True(Pep440Specifier.TryParse(text, out var specifier));
        Assert.Equal(names, specifier.NamesPrerelease);
    }

    [Theory]
    [MemberData(nameof(Prereleases))]
    public void Prereleases_are_admitted_only_where_a_specifier_names_one(string text, bool? allow, string version,
        bool packaging, bool jaga) => Pep440SpecifierSetTests.AssertContains(text, allow, version, packaging, jaga);

    private static TheoryData<string> Strings(string[] values)
    {
        var data = new TheoryData<string>();
        foreach (var value in values) data.Add(value);
        return data;
    }

    private static TheoryData<string, bool> Flags(string[] yes, string[] no)
    {
        var data = new TheoryData<string, bool>();
        foreach (var text in yes) data.Add(text, true);
        foreach (var text in no) data.Add(text, false);
        return data;
    }

    // (version, specifier) pairs flattened, those expected to match then those expected not to.
    private static TheoryData<string, string, bool> Table(string[] matching, string[] notMatching)
    {
        var data = new TheoryData<string, string, bool>();
        for (var i = 0; i < matching.Length; i += 2) data.Add(matching[i], matching[i + 1], true);
        for (var i = 0; i < notMatching.Length; i += 2) data.Add(notMatching[i], notMatching[i + 1], false);
        return data;
    }
}
