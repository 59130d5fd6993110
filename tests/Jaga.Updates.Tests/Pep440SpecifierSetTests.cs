using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using static Jaga.Updates.Tests.Pep440VersionTests;

namespace Jaga.Updates.Tests;

// The cases come from the Python `packaging` project's own suite: tests/test_specifiers.py at pypa/packaging commit
// 00d365f9d287bfc82062b0e7ed6b4161b0b2f611 (dual licensed Apache-2.0 / BSD-2-Clause), classes TestSpecifierSet and
// TestIsUnsatisfiable. Ported: the empty set, the prereleases cases of contains (test_specifier_contains_prereleases,
// test_specifier_prereleases_explicit), test_contains_exclusionary_bridges, test_comparison_ignores_local,
// test_contains_with_compatible_operator, the PEP 440 rows of test_contains_arbitrary_equality_contains and
// _normalization, test_boundary_closure_short_release, and the UNSATISFIABLE / SATISFIABLE lists (with and without
// pre-releases) checked against the same sample versions packaging filters.
// Deliberately different (see Pep440SpecifierTests): with no prereleases argument Jaga excludes a pre-release no
// specifier names; those rows carry both answers.
// Not supported, so not ported: non PEP 440 strings ("foobar", "invalid", and the sample strings "foobar", "a", "b",
// "not-a-version", so "===foobar" and "===FOOBAR,===foobar" are not in SATISFIABLE here), installed=, filter(), the set
// operations (&, ==, hash, str, len, iteration), is_unsatisfiable() itself, pickling and the caches.
public sealed class Pep440SpecifierSetTests
{
    public static TheoryData<string, bool?, string, bool, bool> Prereleases() => Rows(
    [
        // test_specifier_contains_prereleases, and a final release for contrast (Jaga's)
        ("", null, "1.0.dev1", true, false), ("", true, "1.0.dev1", true, true), ("", false, "1.0.dev1", false, false),
        ("", null, "1.0", true, true),
        // test_specifier_prereleases_explicit, before and after the setter
        ("", null, "1.0.dev1", true, false), ("", true, "1.0.dev1", true, true), ("", false, "1.0.dev1", false, false),
        (">=1.0", true, "1.0.dev1", false, false), (">=1.0", false, "1.0.dev1", false, false),
        ("==1.*", true, "1.0.dev1", true, true), ("==1.*", false, "1.0.dev1", false, false),
        (">=1.0", false, "2.0.dev1", false, false), (">=1.0", null, "2.0.dev1", true, false),
        (">=1.0", true, "2.0.dev1", true, true), ("", null, "2.0b1", true, false), ("", true, "2.0b1", true, true),
        ("", null, "2.0a1", true, false), ("", false, "2.0a1", false, false), ("", true, "1.0rc1", true, true),
        ("", false, "1.0rc1", false, false), ("", false, "1.0.post1.dev1", false, false),
        ("", true, "1.0.post1.dev1", true, true), ("==2.0.dev1", null, "2.0.dev1", true, true),
        ("==2.0.dev1", false, "2.0.dev1", false, false), ("==1.0.*", true, "1.0.dev1", true, true),
        ("==1.0.*", false, "1.0.dev1", false, false), ("!=2.0", false, "1.0.dev1", false, false),
        ("!=2.0", true, "1.0.dev1", true, true), (">=1.0,<2.0", null, "1.5a1", true, false),
        (">=1.0,<2.0", true, "1.5a1", true, true), (">=1.0,<2.0", false, "1.5b1", false, false),
        (">=1.0,<2.0", true, "1.5b1", true, true), (">=1.0,<2.0", true, "1.5rc1", true, true),
        (">=1.0,<2.0", false, "1.5rc1", false, false), ("", null, "1.0a1", true, false), ("", true, "1.0a1", true, true),
        ("", null, "1.0b2", true, false), ("", true, "1.0b2", true, true), ("", null, "1.0rc3", true, false),
        ("", true, "1.0rc3", true, true), ("", null, "1.0.dev4", true, false), ("", true, "1.0.dev4", true, true),
        (">=1.0a1", null, "1.0a1", true, true), (">=1.0a1", false, "1.0a1", false, false),
        ("<1.0.dev1", null, "0.9.dev0", true, true), ("<1.0.dev1", false, "0.9.dev0", false, false),
    ]);

    // test_contains_exclusionary_bridges
    public static TheoryData<string, bool?, string, bool, bool> Bridges() => Rows(
    [
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "3.0.dev0", true, false), (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "3.0a1", true, false),
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", true, "3.0.dev0", true, true), (">=1,!=1.*,!=2.*,!=3.0,<=3.0", true, "3.0a1", true, true),
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", false, "3.0.dev0", false, false), (">=1,!=1.*,!=2.*,!=3.0,<=3.0", false, "3.0a1", false, false),
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "0.9", false, false), (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "1.0", false, false),
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "2.0", false, false), (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "3.0", false, false),
        (">=1,!=1.*,!=2.*,!=3.0,<=3.0", null, "4.0", false, false),
        (">=1.0a1,!=1.*,!=2.*,<3.0", null, "1.0a1", false, false), (">=1.0a1,!=1.*,!=2.*,<3.0", null, "2.0a1", false, false),
        (">=1.0a1,!=1.*,!=2.*,<3.0", null, "3.0a1", false, false), (">=1.0a1,!=1.*,!=2.*,<3.0", true, "1.0a1", false, false),
        (">=1.0a1,!=1.*,!=2.*,<3.0", true, "2.0a1", false, false), (">=1.0a1,!=1.*,!=2.*,<3.0", false, "1.0a1", false, false),
        (">=1.0a1,!=1.*,!=2.*,<3.0", false, "2.0a1", false, false),
        (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", null, "1.0.dev0", false, false), (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", null, "2.0.dev0", false, false),
        (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", null, "3.0.dev0", false, false), (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", true, "1.0.dev0", false, false),
        (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", true, "2.0.dev0", false, false), (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", false, "1.0.dev0", false, false),
        (">=1.0,!=1.0,!=1.1,<2.0", null, "1.0.post1", true, true), (">=1.0,!=1.0,!=1.1,<2.0", null, "1.1.post1", true, true),
        (">=1.0,!=1.0,!=1.1,<2.0", null, "1.0", false, false), (">=1.0,!=1.0,!=1.1,<2.0", null, "1.1", false, false),
        (">=1.0,!=1.0,!=1.1,<2.0", null, "2.0", false, false), (">=1.0,!=1.0,!=1.1,<2.0", true, "1.0.post1", true, true),
        (">=1.0,!=1.0,!=1.1,<2.0", true, "1.1.post1", true, true), (">=1.0,!=1.0,!=1.1,<2.0", false, "1.0.post1", true, true),
        (">=1.0,!=1.0,!=1.1,<2.0", false, "1.1.post1", true, true),
        (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "3.0.dev0", true, false), (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "3.1.dev0", true, false),
        (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "0.5", false, false), (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "3.0", false, false),
        (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "3.1", false, false), (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", null, "5.0", false, false),
        (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", true, "3.0.dev0", true, true), (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", true, "3.1.dev0", true, true),
        (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", false, "3.0.dev0", false, false), (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", false, "3.1.dev0", false, false),
        (">=1.0a1,!=1.0,<1.1", null, "1.0a1", true, true), (">=1.0a1,!=1.0,<1.1", null, "1.0b1", true, true),
        (">=1.0a1,!=1.0,<1.1", null, "0.9", false, false), (">=1.0a1,!=1.0,<1.1", null, "1.0", false, false),
        (">=1.0a1,!=1.0,<1.1", null, "1.1", false, false), (">=1.0a1,!=1.0,<1.1", null, "1.1.dev0", false, false),
        (">=1.0a1,!=1.0,<1.1", null, "1.1a1", false, false), (">=1.0a1,!=1.0,<1.1", true, "1.0a1", true, true),
        (">=1.0a1,!=1.0,<1.1", true, "1.0b1", true, true), (">=1.0a1,!=1.0,<1.1", true, "1.1.dev0", false, false),
        (">=1.0a1,!=1.0,<1.1", true, "1.1a1", false, false), (">=1.0a1,!=1.0,<1.1", false, "1.0a1", false, false),
        (">=1.0a1,!=1.0,<1.1", false, "1.0b1", false, false),
        (">=0.9,!=0.9,<=1.0", null, "0.9.post1", true, true), (">=0.9,!=0.9,<=1.0", null, "1.0", true, true),
        (">=0.9,!=0.9,<=1.0", null, "1.0.dev0", true, false), (">=0.9,!=0.9,<=1.0", null, "1.0a1", true, false),
        (">=0.9,!=0.9,<=1.0", null, "1.0.post1", false, false), (">=0.9,!=0.9,<=1.0", true, "0.9.post1", true, true),
        (">=0.9,!=0.9,<=1.0", true, "1.0.dev0", true, true), (">=0.9,!=0.9,<=1.0", true, "1.0a1", true, true),
        (">=0.9,!=0.9,<=1.0", true, "1.0", true, true), (">=0.9,!=0.9,<=1.0", false, "0.9.post1", true, true),
        (">=0.9,!=0.9,<=1.0", false, "1.0.dev0", false, false), (">=0.9,!=0.9,<=1.0", false, "1.0a1", false, false),
        (">=0.9,!=0.9,<=1.0", false, "1.0", true, true),
        (">=1!0,!=1!1.*,!=1!2.*,<1!3", null, "1!0.5", true, true), (">=1!0,!=1!1.*,!=1!2.*,<1!3", null, "1!2.5", false, false),
        (">=1!0,!=1!1.*,!=1!2.*,<1!3", null, "0!5.0", false, false), (">=1!0,!=1!1.*,!=1!2.*,<1!3", null, "2!0.0", false, false),
        (">=1!0,!=1!1.*,!=1!2.*,<1!3", true, "1!0.5", true, true), (">=1!0,!=1!1.*,!=1!2.*,<1!3", true, "0!5.0", false, false),
        (">=1!0,!=1!1.*,!=1!2.*,<1!3", false, "1!0.5", true, true), (">=1!0,!=1!1.*,!=1!2.*,<1!3", false, "0!5.0", false, false),
        (">1.0.dev1,==1.0.post0", null, "1.0.post0", true, true), (">1.0.dev1,==1.0.post1", null, "1.0.post1", true, true),
        (">1.0a1,==1.0.post0", null, "1.0.post0", true, true), (">1.0.dev1,<=2.0", null, "1.0.post0", true, true),
        (">1.0.dev1,<=2.0", null, "1.0", true, true), (">1.0a1,<=2.0", true, "1.0a1.post0", false, false),
        (">1.0.dev1,<=1.0.post1", null, "1.0.post0", true, true), (">1.0.dev1,<=1.0.post1", null, "1.0.post1", true, true),
        (">1.0.dev1,<=1.0.post1", null, "1.0", true, true), (">1.0.dev1,!=1.0,<=2.0", null, "1.0.post0", true, true),
        (">1.0.dev1,!=1.0,!=1.0.post0,<=2.0", null, "1.0.post1", true, true),
        ("==1.0.dev0,<1.0.post1", null, "1.0.dev0", true, true), ("==1.0a1,<1.0.post0", null, "1.0a1", true, true),
        ("==1.0.post0.dev0,<1.0.post1", null, "1.0.post0.dev0", true, true), (">=1.0,<1.0.post1", null, "1.0", true, true),
        (">=1.0,<1.0.post1", null, "1.0.post0", true, true), (">=1.0,<1.0.post1", true, "1.0.dev0", false, false),
        (">=1.0.dev0,<1.0.post1", true, "1.0.dev0", true, true), (">=1.0.dev0,<1.0.post1", true, "1.0.a1", true, true),
        (">=1.0.dev0,<1.0.post1", true, "1.0.post0.dev0", true, true),
        (">=1.0.dev0,<1.0.post1,!=1.0,!=1.0.post0", true, "1.0.dev0", true, true),
        (">=1.0.dev0,<1.0.post1,!=1.0,!=1.0.post0", true, "1.0.post0.dev0", true, true),
        (">=1.0.dev0,<1.0.post2,!=1.0,!=1.0.post0", true, "1.0.post1", true, true),
        (">=1.0.dev0,<1.0.post2,!=1.0", true, "1.0.post0", true, true),
    ]);

    // test_comparison_ignores_local, test_contains_with_compatible_operator, the PEP 440 rows of
    // test_contains_arbitrary_equality_contains and _normalization, test_boundary_closure_short_release.
    public static TheoryData<string, bool?, string, bool, bool> Others() => Rows(
    [
        ("==1.0.0", null, "1.0.0+local", true, true), ("!=1.0.0", null, "1.0.0+local", false, false),
        ("<=1.0.0", null, "1.0.0+local", true, true), (">=1.0.0", null, "1.0.0+local", true, true),
        ("<1.0.0", null, "1.0.0+local", false, false), (">1.0.0", null, "1.0.0+local", false, false),
        ("~=1.18.0,~=1.18", null, "1.19.5", false, false), ("~=1.18.0,~=1.18", null, "1.18.0", true, true),
        ("===1.0", null, "1.0", true, true), ("===1.0", null, "1.0.0", false, false),
        ("===1.0+downstream1", null, "1.0", false, false), ("===1.0", null, "1.0+downstream1", false, false),
        ("===foobar,!=1.0", null, "1.0", false, false), (">=1.0,===1.5", null, "1.5", true, true),
        (">=2.0,===1.5", null, "1.5", false, false), (">=1.0,===2.5", null, "2.5", true, true),
        (">=1.0,!=2.0", null, "1.5", true, true),
        ("===1.1", true, "1.01", false, false), ("===1.01", true, "1.1", false, false), ("===1.01", true, "1.01", true, true),
        ("===1.1", true, "1.1", true, true), ("===1.a1", true, "1.a1", true, true), ("===1a1", true, "1.a1", false, false),
        ("===1.a1", true, "1a1", false, false), ("===1a1", true, "1a1", true, true), (">=1.0,===1.01", true, "1.01", true, true),
        (">=1.0,===1.1", true, "1.1", true, true), (">=1.0,===1.1", true, "1.01", false, false),
        (">1.2.3", null, "2", true, true), ("!=1.2.3", null, "2", true, true), ("<=1.2.3", null, "2", false, false),
    ]);

    public static readonly string[] Unsatisfiable =
    [
        ">=2.0,<1.0", ">=2.0,<2.0", ">2.0,<=2.0", ">2.0,<2.0", "==1.0,!=1.0", "==1.0,>1.0", "==1.0,<1.0", "==1.0,>=2.0",
        "==3.0,<2.0", "==1.*,>=2.0", "==2.*,<2.0.dev0", "==3.*,<3.0.dev0", "==1.0.*,!=1.0.*", "==1.0,!=1.*", "~=2.0,<2.0",
        "~=2.0,>=3.0", "~=2.5,<2.5", "~=1.0,>=2.0", "~=1.4.2,<1.4.2", ">=1.0,<=1.0,!=1.0", "==1!1.0,==1.0", ">=1!1.0,<1.0",
        ">=1!0.0,<1.0", "<0", "<0.0", "<0.0.dev0", ">=1.0,<0.0.dev0", ">=1.0a1,<1.0", ">=1.0.dev0,<1.0", ">=1.0rc1,<1.0",
        ">=1.0.post1,<1.0.post1", ">=1.0.post1.dev0,<1.0.post1", ">1.0,<1.0.post0", ">1.0,<1.0.post1", ">1.0.post0,<1.0.post1",
        ">=1.0.dev5,<1.0.dev3", "==1.0.dev0,>1.0.dev0", "==1.0a1,>1.0a1", "==1.0.post1,>1.0.post1", ">1.0a1,<1.0a1.post1",
        "~=1.0.dev0,>=2.0", "~=1.0a1,>=2.0", ">=1.0,<2.0,!=1.*", "~=1.4.2,!=1.4.*", "==1.0+local,!=1.0+local", "===a,===b",
        "===1.0,===2.0", "===foobar,==1.0", "===foobar,>=1.0", "===a,!=1.0", "===not-a-version,~=1.0", "===foobar,>=2.0,<3.0",
        "===1.0,>=2.0", "===1.0,!=1.0", "===1.0,>1.0", "===1.01,==1.0", "==1.0.*,==1.1.*", "==1.*,==2.*", "~=1.0,~=2.0",
        "~=1.4.2,~=1.5.0", "==1.0+local1,!=1.0", ">=1.0,<1.1,!=1.0.*", "!=1.*,!=2.*,>=1.0,<3.0", "~=1.0,!=1.*",
        ">1.0a1,<1.0a1.post2", ">0.dev0,<0.dev1", "~=1.0a1,<1.0", "~=1.0.dev5,<1.0", ">1.0.post0.dev0,<1.0.post0",
        "~=1.2.3.4.5,>=1.2.3.5", "==1.1.dev0,<1.0.post1",
    ];

    public static readonly string[] Satisfiable =
    [
        "", ">=1.0", "<2.0", ">1.0", ">=1.0,<2.0", ">=1.0,<=1.0", ">=1.0,<100.0", "~=1.0", "~=1.0,<1.5", "~=1.4.2",
        "==1.0.*", "!=1.0.*", "==1.*,!=1.5", "==1.0.*,==1.*", "!=1.*,>=2.0", ">=1.0,<2.0,!=1.5,!=1.6",
        ">=1.0,<2.0,!=1.0,!=1.1,!=1.2,!=1.3,!=1.4", "==1.0", "!=1.0", ">=1.0.dev0,<1.0.dev1", ">=1.0a1,<1.0a2",
        ">1.0a1,<1.0a2", ">=1.0a1,<1.0b1", ">=1.0b1,<1.0rc1", ">1.0.post0,<1.0.post2", ">1.0.post0,<1.0.post3",
        ">=1.0a1.dev0,<1.0a1", ">=1!1.0,<1!2.0", ">1!1.0,<1!3.0", ">=1.0,<3.0,!=2.*",
        ">=3.8,!=3.9.*,!=3.10.0,!=3.10.1,~=3.10.2,<3.14", "<1.0.dev1", ">1!1.0", "<1!2.0", ">1.0,<3.0", ">1.0,>2.0",
        "<2.0,<3.0", ">1.0.post0", ">1.0.post1,<2.0", "==1.0+local1,>=1.0", "!=1.0+local1,>=1.0", "==1.0,>=0.5",
        "==1.0,!=0.5", "==1.0,<=2.0", "==1.0+local1,!=1.0+local2", "==1.0+local1,==1.0", "==1.0+local1,<=1.0",
        "==1.0+local,>=1.0,<=1.0", "==1.0.post1+local,<=1.0.post1", ">1.0,!=0.5", ">=1.0,<2.0rc1", ">=0.5,!=1.0.*",
        "~=1.0,!=1.3", ">=1!0.0,<1!1.0", "===1.0", "===1.0a1", "===1.01", "===1.0,==1.0", "===1.0,>=1.0",
        "===1.0,>=0.5", "===1.0,!=2.0", "===1.0.0,>=1.0", "===1.01,>=1.0", "===1.01,==1.1", ">=1.0,<1.0.post0",
        ">=1.0,<1.0.post1", ">=0,<1.0.post0,!=1.0", "==1.0.dev0,<1.0.post1", "==1.0a1,<1.0.post0", "==1.0rc1,<1.0.post0",
        "==1.0.post0.dev0,<1.0.post1", ">=1.0.dev0,<1.0.post1,!=1.0,!=1.0.post0", "===v1.0,>=1.0", "===1.0-1,>=1.0",
        "==1.0,==1.0.0", "~=1.0.post1,>=1.0", ">=1.0,<1.0.post0.dev1", ">=1.0a1,<1.0a2,!=1.0a1", ">1.0a1,<1.0b1",
        "~=1.0,~=1.1", "~=1.0,~=1.0.1", ">=1.0,<2.0,!=1.0.*,!=1.1.*", "~=1.0.dev0,<1.0.post0", "~=1.0a1,<1.0.post0",
    ];

    public static readonly string[] UnsatisfiableWithoutPrereleases =
    [
        ">=1.0.dev0,<1.0", ">=1.0a1,<1.0", ">=1.0rc1,<1.0", "==1.0.dev0", "==1.0a1", "==1.0a1.post0", "==1.0.post0.dev0",
        "==0.dev0", ">=1.0a1,<1.0a2", ">=1.0b1,<1.0rc1", ">=1.0.dev0,<1.0.dev5", ">1.0a1,<1.0a3", ">=1.0rc1,<=1.0,!=1.0",
        ">=1.0.dev0,<=1.0,!=1.0", ">=1.0.dev0,<=1.0.post0,!=1.0,!=1.0.post0", "==1!1.0.dev0", ">=1!1.0a1,<1!1.0",
        "===1.0a1", "===1.0.dev0", ">=2.0,<1.0",
    ];

    public static readonly string[] SatisfiableWithoutPrereleases =
    [
        "", ">=1.0,<2.0", ">=1.0.dev0,<2.0", "==1.0", "==1.0.post0", ">=1.0.dev0,<1.0.post1", "<2.0", "==1.0+local",
        "===1.0", "~=1.0a1", "~=1.0.dev0", ">=1.0rc1,<=1.0.post0,!=1.0", ">=1.0rc1,<=1.0", ">=1.0.dev0,<=1.0",
    ];

    // packaging's _SAMPLE_VERSIONS: _version_family over _SAMPLE_BASES, and the unnormalized spellings.
    private static readonly Pep440Version[] Samples = [.. SampleTexts().Distinct().Select(Parse)];

    public static TheoryData<string, bool> Satisfiability() => Specs(Unsatisfiable, Satisfiable);

    public static TheoryData<string, bool> SatisfiabilityWithoutPrereleases() =>
        Specs(UnsatisfiableWithoutPrereleases, SatisfiableWithoutPrereleases);

    public static TheoryData<int> VersionIndexes() => Pep440VersionTests.VersionIndexes();

    [Theory]
    [MemberData(nameof(VersionIndexes))]
    public void The_empty_set_contains_every_version_when_prereleases_are_admitted(int index)
    {
        Assert.True(Pep440SpecifierSet.TryParse("", out var set));
        Assert.True(set.Contains(Parse(Versions[index]), allowPrereleases: true));
    }

    [Theory]
    [MemberData(nameof(Prereleases))]
    [MemberData(nameof(Bridges))]
    [MemberData(nameof(Others))]
    public void Sets_contain_as_packaging_decides(string text, bool? allow, string version, bool packaging, bool jaga) =>
        AssertContains(text, allow, version, packaging, jaga);

    [Theory]
    [MemberData(nameof(Satisfiability))]
    public void A_set_contains_a_sample_version_exactly_when_packaging_finds_it_satisfiable(string text, bool satisfiable)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set), text);
        Assert.Equal(satisfiable, Samples.Any(v => set.Contains(v, allowPrereleases: true)));
    }

    [Theory]
    [MemberData(nameof(SatisfiabilityWithoutPrereleases))]
    public void Without_prereleases_a_set_contains_a_sample_exactly_when_packaging_finds_it_satisfiable(string text,
        bool satisfiable)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set), text);
        Assert.Equal(satisfiable, Samples.Any(v => set.Contains(v, allowPrereleases: false)));
    }

    [Theory]
    [InlineData(">= 1.0 , < 2.0", "1.5", true)] // requirements.txt and pyproject.toml write spaces around
    [InlineData(">=1.0,<2.0", "2.0", false)]
    [InlineData("~= 2.31", "2.32.3", true)]
    [InlineData("== 1.26.*", "1.26.4", true)]
    [InlineData("==1.26.*", "1.27.0", false)]
    [InlineData(" , ", "3.0", true)] // no specifier at all: any (final) version
    [InlineData(">=2.0b1", "2.0rc1", true)] // a named pre-release admits the others
    [InlineData(">=2.0b1, !=2.0rc1", "2.0rc1", false)]
    [InlineData("<2", "2.0rc1", false)]
    public void Requirement_text_reads_as_a_specifier_set(string text, string version, bool contains)
    {
        Assert.True(Pep440VersionScheme.Instance.TryParseRange(text, out var range), text);
        Assert.Equal(text, range.Text);
        Assert.Equal(contains, range.Contains(Parse(version)));
    }

    [Theory]
    [InlineData(">=1.0,2.0")] // one bad specifier spoils the set
    [InlineData("(>=1.0)")] // parentheses are the manifest reader's to remove
    [InlineData(">=1.0; python_version < '3.8'")] // so is a marker
    [InlineData("requests>=2.0")] // and the name
    [InlineData(">=1.0 <2.0")] // specifiers are separated by commas
    public void Text_that_is_no_specifier_set_does_not_read(string text) =>
        Assert.False(Pep440VersionScheme.Instance.TryParseRange(text, out _));

    [Fact]
    public void A_version_of_another_ecosystem_is_never_compared()
    {
        Assert.True(Pep440SpecifierSet.TryParse(">=1.0", out var set));
        Assert.True(VersionScheme.For(Ecosystem.Npm).TryParseVersion("1.0.0", out var npm));
        Assert.Throws<InvalidOperationException>(() => set.Contains(npm));
    }

    internal static TheoryData<string, bool?, string, bool, bool> Rows((string, bool?, string, bool, bool)[] rows)
    {
        var data = new TheoryData<string, bool?, string, bool, bool>();
        foreach (var (text, allow, version, packaging, jaga) in rows) data.Add(text, allow, version, packaging, jaga);
        return data;
    }

    // With a prereleases argument Jaga answers as packaging does; without one, Jaga excludes a pre-release no specifier
    // names where packaging 25+ admits it, and admitting pre-releases explicitly gives packaging's answer again.
    internal static void AssertContains(string text, bool? allow, string version, bool packaging, bool jaga)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set), text);
        var candidate = Parse(version);
        if (allow is { } admitted)
        {
            Assert.Equal(packaging, jaga);
            Assert.Equal(packaging, set.Contains(candidate, admitted));
            return;
        }
        Assert.Equal(jaga, set.Contains(candidate));
        Assert.Equal(packaging, set.Contains(candidate, allowPrereleases: true));
    }

    private static IEnumerable<string> SampleTexts()
    {
        string[] bases =
        [
            "0", "0.0", "1.0", "1.1", "1.2", "2.0", "2.1", "3.0", "1.0.1", "1.4.2", "2.0.0", "3.10.2", "3.8", "3.9", "3.10",
            "3.11", "3.12", "3.13", "3.14", "10.0", "100.0", "1!0.0", "1!1.0", "1!2.0",
        ];
        string[] family =
        [
            ".dev0", ".dev1", ".dev0+local", "a0", "a0.post0.dev0", "a0.post0", "a1.dev1", "a1.dev1+local", "a1", "a1+local",
            "b1", "b2.post1.dev1", "b2.post1", "rc1.dev1", "rc1", "rc2", "a2.dev0", "", ".0", ".post0.dev0", ".post0",
            ".post1.dev0", ".post1", ".post1+local", ".post2", "+local", "+local1", "+local2", "+1", "+1.local", ".1.dev1",
            ".1a1", ".1", ".1+local", ".1.post1",
        ];
        foreach (var b in bases)
        {
            foreach (var suffix in family) yield return b + suffix;
        }
        // packaging also samples "foobar", "a", "b" and "not-a-version", which are no PEP 440 versions.
        yield return "1.01";
        yield return "1.0-1";
        yield return "v1.0";
    }

    private static TheoryData<string, bool> Specs(string[] unsatisfiable, string[] satisfiable)
    {
        var data = new TheoryData<string, bool>();
        foreach (var text in unsatisfiable) data.Add(text, false);
        foreach (var text in satisfiable) data.Add(text, true);
        return data;
    }
}
