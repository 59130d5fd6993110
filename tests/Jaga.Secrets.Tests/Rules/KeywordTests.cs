using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

/// <summary>A rule runs when one of its keywords is anywhere in the text, in any case, however often other keywords occur
/// before it; and not otherwise.</summary>
public sealed class KeywordTests
{
    private static SecretRule Rule(string id, string pattern, params string[] keywords) =>
        new(id, id, SecretPatterns.Compile(pattern), 0, 0, keywords, null, []);

    private static readonly SecretScanner Scanner = new(new SecretRuleSet(
    [
        Rule("common", @"\bTOK[0-9]{8}\b", "tok"),
        Rule("rare", @"\bZQ[0-9]{8}\b", "zq"),
        Rule("inside", @"\bSSW[0-9]{8}\b", "oks"),
        Rule("absent", @"\bTOK[0-9]{8}\b", "nothere"),
    ], [], "test"));

    [Fact]
    public void A_rare_keyword_after_many_common_ones_is_found_in_any_case()
    {
        var text = string.Concat(Enumerable.Repeat("tok tok Tok token\n", 5000)) + "TOK12345678 ZQ12345678\n";
        Assert.Equal(["common", "rare"], Scanner.Scan("a.txt", text).Select(f => f.RuleId).Order());
    }

    [Fact]
    public void A_keyword_overlapping_another_keyword_counts()
    {
        // "oks" occurs only where "tok" does, one character later.
        Assert.Equal(["inside"], Scanner.Scan("a.txt", "xtoks SSW12345678\n").Select(f => f.RuleId));
    }

    [Fact]
    public void Without_its_keyword_a_rule_does_not_run()
    {
        Assert.Equal(["common"], Scanner.Scan("a.txt", "plain TOK12345678\n").Select(f => f.RuleId));
        Assert.Empty(Scanner.Scan("b.txt", "plain SSW12345678\n"));
    }
}
