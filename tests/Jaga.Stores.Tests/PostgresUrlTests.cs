using Jaga.Postgres;
using Npgsql;
using Xunit;

namespace Jaga.Stores.Tests;

public sealed class PostgresUrlTests
{
    [Fact]
    public void User_password_host_port_database_and_sslmode_become_connection_settings()
    {
        var url = PostgresUrl.Parse("postgres://jaga:hunter2@db.example.org:6432/state?sslmode=require&application_name=jaga");

        var s = url.Settings;
        Assert.Equal(("jaga", "hunter2", "db.example.org", 6432, "state", SslMode.Require, "jaga"),
            (s.Username, s.Password, s.Host, s.Port, s.Database, s.SslMode, s.ApplicationName));
        Assert.Equal("postgres://jaga:***@db.example.org:6432/state", url.Description);
    }

    [Fact]
    public void The_postgresql_scheme_is_accepted_in_any_case()
    {
        var url = PostgresUrl.Parse("PostgreSQL://jaga@localhost/state");

        Assert.Equal(("localhost", "state"), (url.Settings.Host, url.Settings.Database));
    }

    [Fact]
    public void Without_a_port_the_default_5432_is_used_and_shown()
    {
        var url = PostgresUrl.Parse("postgres://jaga@localhost/state");

        Assert.Equal(5432, url.Settings.Port);
        Assert.Equal("postgres://jaga@localhost:5432/state", url.Description);
    }

    [Fact]
    public void Percent_encoded_user_and_password_are_decoded()
    {
        var url = PostgresUrl.Parse("postgres://j%40ga:p%40ss%3Aw%2Frd%3F%20x@localhost/state");

        Assert.Equal(("j@ga", "p@ss:w/rd? x"), (url.Settings.Username, url.Settings.Password));
        Assert.Equal("postgres://j%40ga:***@localhost:5432/state", url.Description);
    }

    [Fact]
    public void A_password_with_an_unencoded_at_sign_or_slash_is_read_whole()
    {
        var url = PostgresUrl.Parse("postgres://jaga:p@ss/w@rd@localhost:5433/state");

        Assert.Equal(("p@ss/w@rd", "localhost", 5433, "state"), (url.Settings.Password, url.Settings.Host, url.Settings.Port, url.Settings.Database));
    }

    [Fact]
    public void An_IPv6_host_is_written_in_brackets()
    {
        var url = PostgresUrl.Parse("postgres://jaga@[::1]:5433/state");

        Assert.Equal(("::1", 5433), (url.Settings.Host, url.Settings.Port));
        Assert.Equal("postgres://jaga@[::1]:5433/state", url.Description);
    }

    [Theory]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void Every_libpq_sslmode_is_understood(string text, SslMode mode) =>
        Assert.Equal(mode, PostgresUrl.Parse($"postgres://jaga@localhost/state?sslmode={text}").Settings.SslMode);

    [Fact]
    public void A_password_in_the_query_is_masked_in_the_description()
    {
        var url = PostgresUrl.Parse("postgres://jaga@localhost/state?password=hunter2");

        Assert.Equal("hunter2", url.Settings.Password);
        Assert.DoesNotContain("hunter2", url.Description);
    }

    [Theory]
    [InlineData("mysql://jaga:hunter2@localhost/state", "postgres://")]
    [InlineData("postgres://jaga:hunter2@localhost:99999/state", "port")]
    [InlineData("postgres://jaga:hunter2@localhost:5432/state?sslmode=sometimes", "sslmode")]
    [InlineData("postgres://jaga:hunter2@localhost/state?colour=blue", "'colour'")]
    [InlineData("postgres://jaga:hunter2@/state", "no host")]
    [InlineData("postgres://jaga:hunter2@a,b/state", "several hosts")]
    public void A_bad_url_is_refused_saying_why_without_showing_the_password(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => PostgresUrl.Parse(text));

        Assert.Contains(reason, e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public void A_password_with_an_unencoded_question_mark_is_never_quoted_in_an_error()
    {
        var e = Assert.Throws<FormatException>(() => PostgresUrl.Parse("postgres://jaga:hun?ter2@localhost/state"));

        Assert.DoesNotContain("ter2", e.Message);
    }
}
