namespace Jaga.Core.Secrets;

/// <summary>Jaga's own rule set: private keys, cloud and CI tokens, chat webhooks, connection strings and URLs with
/// passwords, generic <c>password=</c>/<c>secret=</c>/<c>token=</c> assignments, JWTs. Token rules follow the shapes the
/// vendors publish (and gitleaks' rules for them); generic rules carry an entropy threshold and placeholder allowlists,
/// since most <c>password=</c> lines in a repository hold <c>${VAR}</c>, <c>changeme</c> or a test value.</summary>
public static class JagaRules
{
    /// <summary>Values that stand in for a secret rather than being one: <c>${DB_PASSWORD}</c>, <c>$TOKEN</c>,
    /// <c>{{ .Values.x }}</c>, <c>%(password)s</c>, <c>&lt;password&gt;</c>, <c>****</c>, <c>xxxx</c>.</summary>
    private static readonly SecretAllowlist Placeholders = Allow(
        @"^\$\{[^}]*\}$", @"^\$[A-Za-z_][A-Za-z0-9_]*$", @"^\{\{.*\}\}$", @"^%\(?[A-Za-z_]*\)?s?%?$", @"^<[^>]*>$", @"^\[[^\]]*\]$",
        @"^(?:\*+|x+|X+|\.+|-+|_+|#+)$", @"^@[A-Za-z_]+@$", @"^\$\(.*\)$", @"(?i)example|placeholder|changeme|change_me|your[_-]");

    /// <summary>Words people leave where a password goes in development (<c>postgres://postgres:postgres@localhost</c>).</summary>
    private static readonly string[] WeakWords =
        ["password", "passwd", "pass", "pwd", "secret", "token", "apikey", "key", "postgres", "mysql", "root", "admin", "test", "user", "guest", "dummy", "sample", "example", "changeme", "redacted", "foobar"];

    public static SecretRuleSet Default { get; } = new(
    [
        Rule("private-key", "Private key (PEM or OpenSSH)",
            @"(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", 0,
            "-----begin"),
        Rule("aws-access-key-id", "AWS access key id", @"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b", 3, "akia", "asia", "abia", "acca", "a3t")
            with { Allowlists = [Allow(@".+EXAMPLE$")] },
        Rule("aws-secret-access-key", "AWS secret access key",
            @"(?i)aws[\w.-]{0,20}(?:secret|private)[\w.-]{0,20}[\s'""]{0,3}(?:=|:|=>|:=)[\s'""]{0,5}([A-Za-z0-9/+=]{40})(?:['""\s;,]|$)", 4, "aws")
            with { Allowlists = [Allow(@"EXAMPLEKEY$")] },
        Rule("github-pat", "GitHub personal access token", @"\bghp_[0-9a-zA-Z]{36}\b", 3, "ghp_"),
        Rule("github-oauth", "GitHub OAuth access token", @"\bgho_[0-9a-zA-Z]{36}\b", 3, "gho_"),
        Rule("github-app-token", "GitHub App token", @"\b(?:ghu|ghs|ghr)_[0-9a-zA-Z]{36}\b", 3, "ghu_", "ghs_", "ghr_"),
        Rule("github-fine-grained-pat", "GitHub fine-grained personal access token", @"\bgithub_pat_\w{82}\b", 3, "github_pat_"),
        Rule("gitlab-token", "GitLab token (personal, deploy, runner, trigger)", @"\b(?:glpat|gldt|glrt|glptt|glcbt|glft|glsoat)-[0-9a-zA-Z_-]{20,300}", 3,
            "glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glsoat-"),
        Rule("slack-token", "Slack token", @"\bxox[abposre]-[0-9A-Za-z-]{10,250}", 3, "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-"),
        Rule("slack-webhook", "Slack webhook URL", @"https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56}", 0, "hooks.slack.com"),
        Rule("discord-webhook", "Discord webhook URL", @"https?://(?:(?:canary|ptb)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}", 0,
            "discord"),
        Rule("teams-webhook", "Microsoft Teams webhook URL",
            @"(?i)https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-z0-9-]{36}@[a-z0-9-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36}", 0,
            "webhook.office.com"),
        Rule("stripe-key", "Stripe secret or restricted key", @"\b(?:sk|rk)_(?:live|test|prod)_[0-9a-zA-Z]{10,99}\b", 2, "sk_live_", "sk_test_", "sk_prod_", "rk_live_", "rk_test_", "rk_prod_"),
        Rule("google-api-key", "Google API key", @"\bAIza[0-9A-Za-z_-]{35}(?:[^0-9A-Za-z_-]|$)", 3, "aiza"),
        Rule("npm-token", "npm access token", @"\bnpm_[A-Za-z0-9]{36}\b", 3, "npm_"),
        Rule("nuget-api-key", "NuGet API key", @"\boy2[a-z0-9]{43}\b", 3, "oy2"),
        Rule("pypi-token", "PyPI upload token", @"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", 0, "pypi-ageichlwas5vcmc"),
        Rule("sendgrid-api-key", "SendGrid API key", @"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b", 3, "sg."),
        Rule("telegram-bot-token", "Telegram bot token", @"\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}\b", 3, ":aa"),
        Rule("openai-api-key", "OpenAI API key", @"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b", 3, "t3blbkfj"),
        Rule("anthropic-api-key", "Anthropic API key", @"\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA\b", 0, "sk-ant-"),
        Rule("age-secret-key", "age secret key", @"AGE-SECRET-KEY-(?:PQ-)?1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", 0, "age-secret-key-1", "age-secret-key-pq-1"),
        Rule("azure-storage-key", "Azure storage account key", @"(?i)AccountKey=([A-Za-z0-9+/]{86}==)", 4, "accountkey="),
        Rule("url-password", "URL with a password (scheme://user:password@host)",
            @"://[^\s:/@'""`]{1,100}:([^\s:/@'""`]{3,200})@[A-Za-z0-9\[]", 2, "://")
            with { Allowlists = [Placeholders, Words(WeakWords)] },
        Rule("connection-string-password", "Connection string with a password (Server=…;Password=…)",
            @"(?i)(?:server|data source|host|address|addr)\s*=[^;\r\n]{1,200};(?:[^;\r\n]{0,200};){0,10}?\s*(?:password|pwd)\s*=\s*([^;\r\n'""`]{3,200})", 2,
            "password", "pwd")
            with { Allowlists = [Placeholders, Words(WeakWords)] },
        Rule("generic-secret", "Secret assigned to a name (password=, secret=, token=, api_key=)",
            @"(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|client[_-]?secret|private[_-]?key|credential)[\w.-]{0,20}[\s'""]{0,3}(?:=|:|:=|=>)[\s'""`]{0,5}([0-9A-Za-z_+/=.~!@#$%^&*-]{8,200})(?:['""`\s;,)]|\\[nr]|$)",
            3.5, "password", "passwd", "pwd", "secret", "token", "api_key", "api-key", "apikey", "access_key", "access-key", "auth_key", "client_secret", "private_key", "credential")
            with { Allowlists = [Placeholders, Words(WeakWords), Allow(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$", @"^[A-Z][A-Z0-9_]+$", @"^[a-z]+(?:[A-Z][a-z0-9]+)+$")] },
        Rule("jwt", "JSON Web Token", @"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", 3, "eyj"),
    ], [], "jaga");

    private static SecretRule Rule(string id, string description, string pattern, double entropy, params string[] keywords) =>
        new(id, description, SecretPatterns.Compile(pattern), 0, entropy, keywords, null, []);

    private static SecretAllowlist Allow(params string[] regexes) =>
        new([], [.. regexes.Select(SecretPatterns.Compile)], AllowTarget.Secret, [], [], RequireAll: false);

    private static SecretAllowlist Words(string[] words) =>
        new([], [SecretPatterns.Compile(@"(?i)^[\[<(]?(?:" + string.Join('|', words) + @")[\]>)]?[0-9!._-]{0,4}$")], AllowTarget.Secret, [], [], RequireAll: false);
}
