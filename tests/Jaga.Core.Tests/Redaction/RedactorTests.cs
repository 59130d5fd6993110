using FsCheck;
using FsCheck.Xunit;
using Jaga.Core.Redaction;

namespace Jaga.Core.Tests.Redaction;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("postgres://app:s3cret@db:5432/shop", "postgres://app:***@db:5432/shop")]
    [InlineData("postgresql://app:s3cret@db/shop?sslmode=require", "postgresql://app:***@db/shop?sslmode=require")]
    [InlineData("mysql://root:hunter22@127.0.0.1:3306/shop", "mysql://root:***@127.0.0.1:3306/shop")]
    [InlineData("sftp://backup:p4ss-word@nas:22/srv/backups", "sftp://backup:***@nas:22/srv/backups")]
    [InlineData("https://user:tok3n@hooks.example.com/x", "https://user:***@hooks.example.com/x")]
    [InlineData("redis://:pw1234@cache:6379", "redis://:***@cache:6379")]
    [InlineData("pg_dump failed for postgres://app:s3cret@db/shop: timeout", "pg_dump failed for postgres://app:***@db/shop: timeout")]
    [InlineData("from mysql://a:one@h1/x to postgres://b:two@h2/y", "from mysql://a:***@h1/x to postgres://b:***@h2/y")]
    public void Url_password_is_masked_and_the_rest_of_the_url_kept(string text, string expected)
    {
        Assert.Equal(expected, Redactor.None.Redact(text));
    }

    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cret;Database=shop", "Host=db;Username=app;Password=***;Database=shop")]
    [InlineData("password = s3cret next", "password=*** next")]
    [InlineData("PWD=x;", "PWD=***;")]
    [InlineData("token=abc123 passphrase=open-sesame", "token=*** passphrase=***")]
    [InlineData("secret=42", "secret=***")]
    public void Password_key_value_pairs_are_masked(string text, string expected)
    {
        Assert.Equal(expected, Redactor.None.Redact(text));
    }

    [Fact]
    public void Known_secrets_are_masked_anywhere()
    {
        var redactor = new Redactor(["demo-secret-key", "tok-0123456789"]);

        Assert.Equal("using *** and *** now", redactor.Redact("using demo-secret-key and tok-0123456789 now"));
        Assert.Equal(2, redactor.Count);
    }

    [Fact]
    public void Longer_secret_is_masked_whole_even_when_it_contains_a_shorter_one()
    {
        Assert.Equal("x *** y ***", new Redactor(["abcd", "abcdefgh"]).Redact("x abcdefgh y abcd"));
    }

    [Fact]
    public void Values_too_short_to_be_credentials_are_not_masked()
    {
        var redactor = new Redactor(["on", "1", "abc"]);

        Assert.Equal(0, redactor.Count);
        Assert.Equal("turned on at 1 by abc", redactor.Redact("turned on at 1 by abc"));
    }

    [Theory]
    [InlineData("[2025-11-15 02:00:00] [INFO] Backup database selesai: backup/db_2025-11-15.sql")]
    [InlineData("http://127.0.0.1:8080/healthz")]
    [InlineData("http://host:8080/path@x")]
    [InlineData("postgres://app@db:5432/shop")]
    [InlineData("s3://tokoku-backups/jaga")]
    [InlineData("ops@example.com")]
    [InlineData("postgres://app:***@db/shop")]
    [InlineData("Password=***")]
    [InlineData("")]
    public void Text_without_secrets_is_unchanged(string text)
    {
        Assert.Equal(text, new Redactor(["demo-secret-key"]).Redact(text));
    }

    [Fact]
    public void Dictionary_values_are_redacted_and_keys_kept()
    {
        var data = new Dictionary<string, string> { ["target"] = "postgres://app:s3cret@db/shop", ["password"] = "plain" };

        Assert.Equal(new Dictionary<string, string> { ["target"] = "postgres://app:***@db/shop", ["password"] = "plain" }, Redactor.None.Redact(data));
    }

    [Property]
    public bool Any_url_password_is_masked(NonEmptyString password)
    {
        var p = new string([.. password.Get.Where(char.IsAsciiLetterOrDigit)]);
        return p.Length == 0 || Redactor.None.Redact($"postgres://app:{p}@db:5432/shop") == "postgres://app:***@db:5432/shop";
    }
}
