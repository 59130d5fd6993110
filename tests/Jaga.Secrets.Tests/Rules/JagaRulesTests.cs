using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

/// <summary>Each of Jaga's rules finds what it names and lets its near misses pass: a token one character short, a
/// placeholder, a published example key, a weak development password.</summary>
public sealed class JagaRulesTests
{
    private static readonly SecretScanner Scanner = new(JagaRules.Default);

    private static readonly string Guid1 = "3f2c1d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f";

    public static TheoryData<string, string> Positives() => new()
    {
        { "private-key", Fake.Pem() },
        { "private-key", Fake.Pem("OPENSSH") },
        { "private-key", Fake.Pem("EC") },
        { "aws-access-key-id", "key = " + Fake.Token("AKIA", 16, Fake.Base32) },
        { "aws-secret-access-key", "aws_secret_access_key = " + Fake.Chars(40, Fake.Upper + Fake.Lower + "/+") },
        { "github-pat", "GH=" + Fake.Token("ghp_", 36) },
        { "github-oauth", "GH=" + Fake.Token("gho_", 36) },
        { "github-app-token", "GH=" + Fake.Token("ghs_", 36) },
        { "github-fine-grained-pat", "GH=" + Fake.Token("github_pat_", 82) },
        { "gitlab-token", "GL=" + Fake.Token("glpat-", 20) },
        { "slack-token", "SLACK=" + "xoxb-" + Fake.Chars(12, "0123456789") + "-" + Fake.Chars(24) },
        { "slack-webhook", "url: https://hooks.slack.com/services/T" + Fake.Chars(8, Fake.Upper) + "/B" + Fake.Chars(8, Fake.Upper) + "/" + Fake.Chars(24) },
        { "discord-webhook", "url: https://discord.com/api/webhooks/" + Fake.Chars(18, "0123456789") + "/" + Fake.Chars(68, Fake.Upper + Fake.Lower + "_-") },
        { "teams-webhook", $"url: https://contoso.webhook.office.com/webhookb2/{Guid1}@{Guid1}/IncomingWebhook/{Fake.Chars(32, "0123456789abcdef")}/{Guid1}" },
        { "stripe-key", "STRIPE=" + Fake.Token("sk_live_", 24) },
        { "google-api-key", "MAPS=" + Fake.Token("AIza", 35, Fake.Upper + Fake.Lower + "_-") },
        { "npm-token", "//registry.npmjs.org/:_authToken=" + Fake.Token("npm_", 36) },
        { "nuget-api-key", "NUGET=" + Fake.Token("oy2", 43, Fake.Lower) },
        { "pypi-token", "PYPI=" + "pypi-AgEIcHlwaS5vcmc" + Fake.Chars(60) },
        { "sendgrid-api-key", "SG=" + "SG." + Fake.Chars(22) + "." + Fake.Chars(43) },
        { "telegram-bot-token", "BOT=" + Fake.Chars(9, "123456789") + ":AA" + Fake.Chars(33) },
        { "openai-api-key", "OPENAI=" + "sk-proj-" + Fake.Chars(20) + "T3BlbkFJ" + Fake.Chars(20, seed: 3) },
        { "anthropic-api-key", "ANTHROPIC=" + "sk-ant-api03-" + Fake.Chars(93) + "AA" },
        { "age-secret-key", Fake.Token("AGE-SECRET-KEY-1", 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L") },
        { "age-secret-key", Fake.Token("AGE-SECRET-KEY-PQ-1", 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L") },
        { "azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + Fake.Chars(86, Fake.Upper + Fake.Lower + "+/") + "==;" },
        { "url-password", "DATABASE_URL=postgres://app:" + Fake.Chars(16) + "@db.example.com:5432/app" },
        { "url-password", "amqp://svc:" + Fake.Chars(12) + "@[::1]:5672/" },
        { "connection-string-password", "\"Server=db.local;Database=app;User Id=app;Password=" + Fake.Chars(16) + ";\"" },
        { "generic-secret", "api_key = \"" + Fake.Chars(32) + "\"" },
        { "generic-secret", "  client_secret: " + Fake.Chars(24) },
        { "generic-secret", "export DB_PASSWORD='" + Fake.Chars(14, Fake.Upper + Fake.Lower + "!@#%") + "'" },
        { "jwt", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJ" + Fake.Chars(30) + "." + Fake.Chars(43, Fake.Upper + Fake.Lower + "_-") },
    };

    public static TheoryData<string, string> NearMisses() => new()
    {
        { "private-key", "-----BEGIN PUBLIC KEY-----\n" + Fake.Chars(64) + "\n-----END PUBLIC KEY-----" },
        { "private-key", "-----BEGIN RSA PRIVATE" + " KEY-----\n-----END RSA PRIVATE" + " KEY-----" },
        { "aws-access-key-id", "key = AKIAIOSFODNN7" + "EXAMPLE" },
        { "aws-access-key-id", "key = " + Fake.Token("AKIA", 15, Fake.Base32) },
        { "aws-secret-access-key", "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}" },
        { "github-pat", "GH=" + Fake.Token("ghp_", 35) },
        { "github-pat", "GH=ghp_" + new string('a', 36) },
        { "github-fine-grained-pat", "GH=" + Fake.Token("github_pat_", 60) },
        { "gitlab-token", "GL=" + Fake.Token("glpat-", 10) },
        { "slack-token", "SLACK=xoxz-" + Fake.Chars(24) },
        { "slack-webhook", "url: https://hooks.slack.com/services/short" },
        { "discord-webhook", "url: https://discord.com/api/webhooks/123/abc" },
        { "teams-webhook", "url: https://contoso.webhook.office.com/webhookb2/" + Guid1 },
        { "stripe-key", "STRIPE=" + Fake.Token("pk_live_", 24) },
        { "google-api-key", "MAPS=" + Fake.Token("AIza", 30) },
        { "npm-token", "NPM=" + Fake.Token("npm_", 20) },
        { "nuget-api-key", "NUGET=" + Fake.Token("oy2", 40, Fake.Lower) },
        { "sendgrid-api-key", "SG=SG." + Fake.Chars(10) },
        { "telegram-bot-token", "BOT=123456789:BB" + Fake.Chars(33) },
        { "openai-api-key", "OPENAI=sk-proj-" + Fake.Chars(40) },
        { "anthropic-api-key", "ANTHROPIC=sk-ant-api03-" + Fake.Chars(50) },
        { "age-secret-key", Fake.Token("AGE-SECRET-KEY-1", 40, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L") },
        { "age-secret-key", Fake.Token("AGE-SECRET-KEY-PQ-1", 40, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L") },
        { "azure-storage-key", "AccountKey=" + Fake.Chars(20) },
        { "url-password", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db.example.com/app" },
        { "url-password", "DATABASE_URL=postgres://postgres:postgres@localhost/app" },
        { "url-password", "see https://example.com/docs and mailto:someone@example.com" },
        { "url-password", "an sftp://user[:password]@host/path URL, or https://user:token@host/v3/index.json" },
        { "connection-string-password", "Server=db;Database=app;Password=changeme;" },
        { "connection-string-password", "Server=db;Database=app;Password=${DB_PASSWORD};" },
        { "generic-secret", "password = \"password\"" },
        { "generic-secret", "token = ${GITHUB_TOKEN}" },
        { "generic-secret", "password: hunter2" },
        { "generic-secret", "var secret = settings.Secrets.Value;" },
        { "generic-secret", "token = \"aaaaaaaaaaaaaaaa\"" },
        { "generic-secret", "api_key: <your-api-key>" },
        { "generic-secret", "SECRET_NAME=DATABASE_PASSWORD_FILE" },
        { "jwt", "header eyJhbGciOiJIUzI1NiJ9 alone" },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void A_rule_finds_its_secret(string rule, string text)
    {
        var found = Scanner.Scan("app/settings.txt", text);
        Assert.Contains(found, f => f.RuleId == rule);
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_near_miss_is_not_a_finding(string rule, string text)
    {
        var found = Scanner.Scan("app/settings.txt", text);
        Assert.DoesNotContain(found, f => f.RuleId == rule);
    }

    [Fact]
    public void Every_rule_has_a_positive_case_here()
    {
        var tested = Positives().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(JagaRules.Default.Rules, r => !tested.Contains(r.Id));
    }

    [Fact]
    public void Rule_ids_are_distinct()
    {
        var ids = JagaRules.Default.Rules.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_finding_names_the_line_and_column_of_the_secret_and_never_holds_it()
    {
        var token = Fake.Token("ghp_", 36);
        var found = Assert.Single(Scanner.Scan("a.env", "# first\n\nGH_TOKEN_FOR_CI=" + token + "\n"), f => f.RuleId == "github-pat");
        Assert.Equal((3, 17), (found.Line, found.Column));
        Assert.Equal("ghp_…(40)", found.Masked);
        Assert.DoesNotContain(token[4..], found.ToString(), StringComparison.Ordinal);
        Assert.Equal("a.env:github-pat:3", found.Fingerprint);
    }

    [Fact]
    public void A_private_key_spans_lines_and_is_found_at_its_first()
    {
        var found = Assert.Single(Scanner.Scan("id_rsa", "x\n" + Fake.Pem("OPENSSH")));
        Assert.Equal(("private-key", 2), (found.RuleId, found.Line));
    }

    [Fact]
    public void A_secret_two_rules_find_is_one_finding_of_the_specific_rule()
    {
        var found = Scanner.Scan("a.env", "GH_TOKEN=" + Fake.Token("ghp_", 36) + "\nAPI_TOKEN=" + Fake.Chars(32) + "\n");
        Assert.Equal([("github-pat", 1), ("generic-secret", 2)], found.Select(f => (f.RuleId, f.Line)));
    }
}
