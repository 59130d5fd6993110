using Jaga.Engine.Backup.Sources;

namespace Jaga.Sources.Tests;

/// <summary>Exclude globs read as in a .gitignore.</summary>
public sealed class ExcludePatternsTests
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
        Assert.Equal(excluded, new ExcludePatterns([glob]).IsExcluded(path, isFolder));

    [Fact]
    public void No_patterns_exclude_nothing() => Assert.False(ExcludePatterns.None.IsExcluded("a/b.tmp", false));

    [Fact]
    public void An_empty_pattern_is_refused() => Assert.Throws<ArgumentException>(() => new ExcludePatterns(["/"]));
}
