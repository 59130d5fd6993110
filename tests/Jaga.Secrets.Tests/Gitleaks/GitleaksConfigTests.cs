using Jaga.Core.Errors;
using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Gitleaks;

/// <summary>gitleaks-format rule files: real rules from gitleaks' default configuration (the fixture), and each key of
/// the format Jaga reads.</summary>
public sealed class GitleaksConfigTests
{
    private static SecretRuleSet Excerpt() =>
        GitleaksConfig.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gitleaks", "gitleaks-default-excerpt.toml")), "gitleaks-default-excerpt.toml");

    [Fact]
    public void The_rules_of_gitleaks_default_configuration_compile_with_their_allowlists()
    {
        var set = Excerpt();
        Assert.Equal(["adobe-client-secret", "age-secret-key", "atlassian-api-token", "aws-access-token", "github-pat", "gitlab-pat"], set.Rules.Select(r => r.Id));
        Assert.Single(set.Allowlists);
        Assert.Equal(13, set.Allowlists[0].Regexes.Count);
        Assert.Equal(["a3t", "akia", "asia", "abia", "acca"], set.Rules.Single(r => r.Id == "aws-access-token").Keywords);
        Assert.Equal(3.5, set.Rules.Single(r => r.Id == "atlassian-api-token").Entropy);
    }

    [Fact]
    public void Gitleaks_rules_find_their_secrets_and_honour_their_allowlists()
    {
        var scanner = new SecretScanner(Excerpt());
        Assert.Contains(scanner.Scan("a.env", "T=" + Fake.Token("ghp_", 36)), f => f.RuleId == "github-pat");
        Assert.Contains(scanner.Scan("a.env", "T=" + Fake.Token("glpat-", 20)), f => f.RuleId == "gitlab-pat");
        Assert.Contains(scanner.Scan("a.env", "K=" + Fake.Token("AKIA", 16, Fake.Base32)), f => f.RuleId == "aws-access-token");
        // The rule's own allowlist (.+EXAMPLE$), the global path allowlist, and the rule's path allowlist.
        Assert.Empty(scanner.Scan("a.env", "K=AKIAIOSFODNN7" + "EXAMPLE"));
        Assert.Empty(scanner.Scan("node_modules/x/a.env", "T=" + Fake.Token("ghp_", 36)));
        Assert.Empty(scanner.Scan("node_modules/@octokit/auth-token/README.md", "T=" + Fake.Token("ghp_", 36)));
        Assert.Empty(scanner.Scan("lib/@octokit/auth-token/README.md", "T=" + Fake.Token("ghp_", 36)));
    }

    [Fact]
    public void An_inline_case_flag_in_the_middle_of_a_gitleaks_regex_reads_as_in_RE2()
    {
        // \b(p8e-(?i)[a-z0-9]{32}): "p8e-" is matched as written, the rest in either case.
        var scanner = new SecretScanner(Excerpt());
        Assert.Contains(scanner.Scan("a", "x = p8e-" + Fake.Chars(32, Fake.Upper + "0123456789")), f => f.RuleId == "adobe-client-secret");
        Assert.DoesNotContain(scanner.Scan("a", "x = P8E-" + Fake.Chars(32, Fake.Upper + "0123456789")), f => f.RuleId == "adobe-client-secret");
    }

    [Fact]
    public void The_second_alternative_of_a_rule_gives_its_secret_from_its_own_group()
    {
        var token = Fake.Token("ATATT3", 186, Fake.Upper + Fake.Lower + "_-=");
        var found = Assert.Single(new SecretScanner(Excerpt()).Scan("a", "x " + token + "\n"));
        Assert.Equal(("atlassian-api-token", "ATAT…(192)"), (found.RuleId, found.Masked));
    }

    [Fact]
    public void SecretGroup_stopwords_regexTarget_and_condition_are_read()
    {
        const string toml = """
            [[rules]]
            id = "pair"
            regex = '''user=(\w+) pass=(\w+)'''
            secretGroup = 2
            [[rules.allowlists]]
            stopwords = ["fixture"]
            [[rules.allowlists]]
            condition = "AND"
            paths = ['''^test/''']
            regexTarget = "line"
            regexes = ['''# known''']
            """;
        var scanner = new SecretScanner(GitleaksConfig.Parse(toml, "t.toml"));
        var found = Assert.Single(scanner.Scan("src/a", "user=alice pass=Zq8rT4wXy"));
        Assert.Equal("Zq…(9)", found.Masked);
        Assert.Empty(scanner.Scan("src/a", "user=alice pass=myfixtureword"));
        Assert.Empty(scanner.Scan("test/a", "user=alice pass=Zq8rT4wXy # known"));
        // AND: the path alone or the line alone is not enough.
        Assert.Single(scanner.Scan("src/a", "user=alice pass=Zq8rT4wXy # known"));
        Assert.Single(scanner.Scan("test/a", "user=alice pass=Zq8rT4wXy"));
    }

    [Fact]
    public void A_rule_of_paths_alone_names_the_file()
    {
        var scanner = new SecretScanner(GitleaksConfig.Parse("[[rules]]\nid = \"pkcs12\"\npath = '''\\.p12$'''\n", "t.toml"));
        Assert.Equal("pkcs12", Assert.Single(scanner.Scan("certs/server.p12", "anything")).RuleId);
        Assert.Empty(scanner.Scan("certs/server.pem", "anything"));
    }

    [Fact]
    public void A_commit_allowlist_lets_that_commits_additions_pass()
    {
        var scanner = new SecretScanner(GitleaksConfig.Parse("[allowlist]\ncommits = [\"abc1234\"]\n[[rules]]\nid = \"gh\"\nregex = '''ghp_\\w{36}'''\n", "t.toml"));
        var text = "T=" + Fake.Token("ghp_", 36);
        Assert.Empty(scanner.Scan("a", text, "abc1234def"));
        Assert.Single(scanner.Scan("a", text, "fff1234def"));
        Assert.Single(scanner.Scan("a", text));
    }

    [Fact]
    public void UseDefault_adds_Jagas_rules_less_the_disabled_ones()
    {
        var set = GitleaksConfig.Parse("[extend]\nuseDefault = true\ndisabledRules = [\"jwt\"]\n", "t.toml");
        Assert.Contains(set.Rules, r => r.Id == "github-pat");
        Assert.DoesNotContain(set.Rules, r => r.Id == "jwt");
    }

    [Fact]
    public void A_targeted_global_allowlist_applies_to_its_rules_only()
    {
        const string toml = """
            [[allowlists]]
            targetRules = ["a"]
            regexes = ['''^ok''']
            [[rules]]
            id = "a"
            regex = '''a=(\w+)'''
            [[rules]]
            id = "b"
            regex = '''b=(\w+)'''
            """;
        var scanner = new SecretScanner(GitleaksConfig.Parse(toml, "t.toml"));
        Assert.Empty(scanner.Scan("f", "a=okay"));
        Assert.Single(scanner.Scan("f", "b=okay"));
    }

    [Theory]
    [InlineData("[[rules]]\nid = \"look\"\nregex = '''secret(?=[0-9])'''\n", "t.toml: rule look: regex 'secret(?=[0-9])' cannot be compiled by .NET")]
    [InlineData("[[rules]]\nid = \"back\"\nregex = '''(a)\\1'''\n", "t.toml: rule back: regex '(a)\\1' cannot be compiled by .NET")]
    [InlineData("[[rules]]\nid = \"open\"\nregex = '''(unclosed'''\n", "t.toml: rule open: regex '(unclosed' cannot be compiled by .NET")]
    [InlineData("[[rules]]\nid = \"posix\"\nregex = '''[[:nope:]]'''\n", "t.toml: rule posix: regex '[[:nope:]]' cannot be compiled by .NET")]
    [InlineData("[[rules]]\nregex = '''x'''\n", "t.toml: rule 1 has no id")]
    [InlineData("[[rules]]\nid = \"empty\"\n", "t.toml: rule empty has neither regex nor path")]
    [InlineData("[[rules]]\nid = \"g\"\nregex = '''(a)'''\nsecretGroup = 3\n", "t.toml: rule g: secretGroup 3 is beyond")]
    [InlineData("[[rules]]\nid = \"g\"\nregex = '''(a)'''\nsecretGroup = \"x\"\n", "t.toml: rule g: secretGroup is x, not a group number")]
    [InlineData("[[rules]]\nid = \"e\"\nregex = '''(a)'''\nentropy = \"high\"\n", "t.toml: rule e: entropy is high, not a number")]
    [InlineData("[[rules]]\nid = \"t\"\nregex = '''x'''\n[[rules.allowlists]]\nregexTarget = \"file\"\n", "t.toml: rule t allowlist 1: regexTarget 'file'")]
    [InlineData("title = \"x\"\n", "t.toml: no rule")]
    [InlineData("[[rules]\nid = 1", "t.toml: not a TOML file")]
    [InlineData("[extend]\npath = \"other.toml\"\n", "t.toml: [extend] path = \"other.toml\" is not supported")]
    public void A_mistake_is_a_user_error_naming_the_file_and_the_rule(string toml, string message)
    {
        var e = Assert.Throws<UserException>(() => GitleaksConfig.Parse(toml, "t.toml"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
