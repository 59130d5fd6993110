using Jaga.Core.Globbing;

namespace Jaga.Core.Tests.Globbing;

/// <summary>Backup excludes read as a .gitignore (the cases of the former ExcludePatterns, then gitignore's documented examples).</summary>
public sealed class GlobRulesTests
{
    [Theory]
    [InlineData("*.tmp", "a.tmp", false, true)]
    [InlineData("*.tmp", "deep/down/a.tmp", false, true)]
    [InlineData("*.tmp", "a.tmp.keep", false, false)]
    [InlineData("cache/", "cache", true, true)]
    [InlineData("cache/", "uploads/cache", true, true)]
    [InlineData("cache/", "uploads/cache", false, false)]
    [InlineData("cache/", "uploads/cache/inside.bin", false, true)]
    [InlineData("**/node_modules", "node_modules", true, true)]
    [InlineData("**/node_modules", "web/a/b/node_modules/x.js", false, true)]
    [InlineData("uploads/tmp/*", "uploads/tmp/x", false, true)]
    [InlineData("uploads/tmp/*", "other/uploads/tmp/x", false, false)]
    [InlineData("/config.yml", "config.yml", false, true)]
    [InlineData("/config.yml", "sub/config.yml", false, false)]
    [InlineData("logs/**/*.gz", "logs/2024/01/a.gz", false, true)]
    [InlineData("logs/**/*.gz", "logs/a.gz", false, true)]
    [InlineData("file?.txt", "file1.txt", false, true)]
    [InlineData("file?.txt", "file10.txt", false, false)]
    [InlineData("a+b(c).txt", "a+b(c).txt", false, true)]
    [InlineData("*.TMP", "a.tmp", false, false)]
    public void A_glob_excludes_what_it_should(string glob, string path, bool isFolder, bool excluded) =>
        Assert.Equal(excluded, new GlobRules([glob]).IsExcluded(path, isFolder));

    [Fact]
    public void No_patterns_exclude_nothing() => Assert.False(GlobRules.None.IsExcluded("a/b.tmp", false));

    [Fact]
    public void An_empty_pattern_is_refused() => Assert.Throws<ArgumentException>(() => new GlobRules(["/"]));

    // The examples of gitignore(5), PATTERN FORMAT and EXAMPLES.
    [Theory]
    [InlineData("doc/frotz/", "doc/frotz", true, true)]
    [InlineData("doc/frotz/", "a/doc/frotz", true, false)]
    [InlineData("frotz/", "frotz", true, true)]
    [InlineData("frotz/", "a/frotz", true, true)]
    [InlineData("frotz/", "frotz", false, false)]
    [InlineData("foo/*", "foo/test.json", false, true)]
    [InlineData("foo/*", "foo/bar", true, true)]
    [InlineData("foo/*", "foo/bar/hello.c", false, true)]
    [InlineData("**/foo", "foo", false, true)]
    [InlineData("**/foo", "x/y/foo", false, true)]
    [InlineData("**/foo/bar", "foo/bar", false, true)]
    [InlineData("**/foo/bar", "x/foo/bar", false, true)]
    [InlineData("abc/**", "abc/x", false, true)]
    [InlineData("abc/**", "abc/x/y/z", false, true)]
    [InlineData("abc/**", "abc", true, false)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a/**/b", "a/xb", false, false)]
    [InlineData("*.html", "docs/index.html", false, true)]
    [InlineData("/*.c", "cat-file.c", false, true)]
    [InlineData("/*.c", "mozilla-sha1/sha1.c", false, false)]
    [InlineData("[a-c]at.txt", "bat.txt", false, true)]
    [InlineData("[a-c]at.txt", "rat.txt", false, false)]
    [InlineData("[!a-c]at.txt", "rat.txt", false, true)]
    [InlineData("[^a-c]at.txt", "bat.txt", false, false)]
    [InlineData(@"\!important.txt", "!important.txt", false, true)]
    [InlineData(@"a\*b", "a*b", false, true)]
    [InlineData(@"a\*b", "axb", false, false)]
    [InlineData("*.swp", ".hidden.swp", false, true)]
    public void Gitignore_examples_hold(string glob, string path, bool isFolder, bool excluded) =>
        Assert.Equal(excluded, new GlobRules([glob]).IsExcluded(path, isFolder));

    [Fact]
    public void A_negated_rule_takes_back_what_an_earlier_rule_excluded()
    {
        var rules = new GlobRules(["*.log", "!important.log"]);
        Assert.True(rules.IsExcluded("a/debug.log", false));
        Assert.False(rules.IsExcluded("a/important.log", false));
    }

    [Fact]
    public void The_last_matching_rule_decides()
    {
        var rules = new GlobRules(["!keep.tmp", "*.tmp"]);
        Assert.True(rules.IsExcluded("keep.tmp", false));
    }

    [Fact]
    public void A_negated_rule_cannot_take_back_a_file_inside_an_excluded_folder()
    {
        // gitignore(5): "It is not possible to re-include a file if a parent directory of that file is excluded."
        var rules = new GlobRules(["build/", "!build/keep.txt"]);
        Assert.True(rules.IsExcluded("build/keep.txt", false));
    }

    [Fact]
    public void Everything_but_one_folder_by_excluding_the_contents_and_taking_it_back()
    {
        // gitignore(5): exclude everything except directory foo/bar ("/*", "!/foo", "/foo/*", "!/foo/bar").
        var rules = new GlobRules(["/*", "!/foo", "/foo/*", "!/foo/bar"]);
        Assert.False(rules.IsExcluded("foo/bar/x.c", false));
        Assert.True(rules.IsExcluded("foo/baz/x.c", false));
        Assert.True(rules.IsExcluded("top.txt", false));
    }
}
