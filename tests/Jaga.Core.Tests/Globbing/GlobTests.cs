using Jaga.Core.Globbing;

namespace Jaga.Core.Tests.Globbing;

/// <summary>One glob: the shell's reading for log rules (hidden names need a '.'), <c>**</c>, character classes, and the
/// root and folder questions a search for log files asks.</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("/srv/app/logs/*.log*", "/srv/app/logs/app.log", true)]
    [InlineData("/srv/app/logs/*.log*", "/srv/app/logs/app.log.2026-12-01T020000Z", true)]
    [InlineData("/srv/app/logs/*.log*", "/srv/app/logs/.app.log.tmp", false)]
    [InlineData("/srv/app/logs/.*.log", "/srv/app/logs/.hidden.log", true)]
    [InlineData("/srv/app/logs/*.log", "/srv/app/logs/sub/app.log", false)]
    [InlineData("/srv/app/logs/app[12].log", "/srv/app/logs/app1.log", true)]
    [InlineData("/srv/app/logs/app[12].log", "/srv/app/logs/app3.log", false)]
    [InlineData("/srv/app/logs/app[!12].log", "/srv/app/logs/app3.log", true)]
    [InlineData("/srv/app/logs/app?.log", "/srv/app/logs/app1.log", true)]
    [InlineData("/srv/*/logs/app.log", "/srv/web/logs/app.log", true)]
    [InlineData("/srv/*/logs/app.log", "/srv/.cache/logs/app.log", false)]
    [InlineData("/var/log/**/*.log", "/var/log/a.log", true)]
    [InlineData("/var/log/**/*.log", "/var/log/nginx/old/a.log", true)]
    [InlineData("/var/log/**/*.log", "/var/log/.journal/a.log", false)]
    [InlineData("/var/log/app[.log", "/var/log/app[.log", true)]
    [InlineData("/var/log/[]]x", "/var/log/]x", true)]
    [InlineData("/var/log/a**b", "/var/log/a/b", false)]
    [InlineData("/var/log/a**b", "/var/log/axxb", true)]
    public void A_log_glob_matches_as_the_shell_does(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Glob.Parse(pattern, wildcardsMatchHidden: false).IsMatch(path));

    [Fact]
    public void Gitignore_reading_lets_wildcards_match_hidden_names() =>
        Assert.True(Glob.Parse("**/*.tmp").IsMatch(".cache/.x.tmp"));

    [Theory]
    [InlineData("/srv/app/logs/*.log", "/srv/app/logs")]
    [InlineData("/srv/*/logs/app.log", "/srv")]
    [InlineData("/*/app.log", "/")]
    [InlineData("/var/log/**/*.log", "/var/log")]
    [InlineData("logs/*.gz", "logs")]
    public void The_root_is_the_folder_before_the_first_wildcard(string pattern, string root) =>
        Assert.Equal(root, Glob.Parse(pattern).Root);

    [Fact]
    public void A_search_goes_only_into_folders_that_may_hold_a_match()
    {
        var glob = Glob.Parse("/srv/*/logs/*.log", wildcardsMatchHidden: false);
        Assert.True(glob.MayContain("/srv"));
        Assert.True(glob.MayContain("/srv/web"));
        Assert.True(glob.MayContain("/srv/web/logs"));
        Assert.False(glob.MayContain("/srv/web/data"));
        Assert.False(glob.MayContain("/srv/web/logs/old"));
        Assert.False(glob.MayContain("/srv/.cache"));
        Assert.True(glob.MatchesFolder("/srv/web/logs"));
        Assert.False(glob.MatchesFolder("/srv/web"));
        Assert.False(Glob.Parse("/*/app.log").MatchesFolder("/"));
        Assert.True(Glob.Parse("/var/log/**/*.log").MayContain("/var/log/a/b/c"));
        Assert.True(Glob.Parse("/var/log/**/*.log").MatchesFolder("/var/log"));
    }

    [Fact]
    public void An_escaped_wildcard_is_a_plain_character()
    {
        var glob = Glob.Parse(@"/data/a\*b\?.log");
        Assert.True(glob.IsMatch("/data/a*b?.log"));
        Assert.False(glob.IsMatch("/data/axxb1.log"));
        Assert.Equal("/data", glob.Root);
    }
}
