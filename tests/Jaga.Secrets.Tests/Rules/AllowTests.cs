using Jaga.Core.Globbing;
using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

/// <summary>What lets a secret pass: the plan's <c>secrets.allow</c> (globs and regular expressions) and a line's own
/// <c>jaga:allow</c>.</summary>
public sealed class AllowTests
{
    private static readonly string Token = Fake.Token("ghp_", 36);

    private static SecretScanner With(string[] paths, string[] regexes) =>
        new(JagaRules.Default, new SecretsAllow(new GlobRules(paths), [.. regexes.Select(SecretPatterns.Compile)]));

    [Fact]
    public void A_line_marked_jaga_allow_passes_and_the_next_line_does_not()
    {
        var found = new SecretScanner(JagaRules.Default).Scan("a.py", $"T = '{Token}'  # jaga:allow\nU = '{Token}'\n");
        Assert.Equal(2, Assert.Single(found).Line);
    }

    [Fact]
    public void A_line_marked_for_gitleaks_passes_too() =>
        Assert.Empty(new SecretScanner(JagaRules.Default).Scan("a.py", $"T = '{Token}'  # gitleaks:allow\n"));

    [Theory]
    [InlineData("tests/fixtures/", "tests/fixtures/keys/a.env", true)]
    [InlineData("tests/fixtures/", "src/a.env", false)]
    [InlineData("*.example", "deploy/.env.example", true)]
    [InlineData("/docs/keys.md", "docs/keys.md", true)]
    [InlineData("/docs/keys.md", "sub/docs/keys.md", false)]
    public void The_plans_path_globs_read_as_a_gitignore(string glob, string path, bool allowed)
    {
        var scanner = With([glob], []);
        Assert.Equal(allowed, scanner.SkipsPath(path));
        Assert.Equal(allowed, scanner.Scan(path, "T=" + Token).Count == 0);
    }

    [Fact]
    public void The_plans_regexes_are_tried_against_the_secret()
    {
        var scanner = With([], ["^ghp_" + Token[4..10]]);
        Assert.Empty(scanner.Scan("a", "T=" + Token));
        Assert.Single(scanner.Scan("a", "T=" + Fake.Token("ghp_", 36, seed: 99)));
    }
}
