using Jaga.Postgres.Backup;

namespace Jaga.Sources.Tests;

/// <summary>The scratch database's URL a drill's test command gets: <c>verify.restore_into</c> with only its database
/// replaced, whatever its password or parameters hold.</summary>
public sealed class PostgresScratchUrlTests
{
    [Theory]
    [InlineData("postgres://jaga:pw@db:5432/postgres", "postgres://jaga:pw@db:5432/jaga_verify_1")]
    [InlineData("postgres://jaga:pw@db:5432/postgres?sslmode=require", "postgres://jaga:pw@db:5432/jaga_verify_1?sslmode=require")]
    [InlineData("postgresql://jaga:p/w@x@db/postgres", "postgresql://jaga:p/w@x@db/jaga_verify_1")]
    [InlineData("postgres://jaga@db", "postgres://jaga@db/jaga_verify_1")]
    [InlineData("postgres://db:5433?sslmode=disable", "postgres://db:5433/jaga_verify_1?sslmode=disable")]
    public void Only_the_database_of_the_url_is_replaced(string restoreInto, string expected) =>
        Assert.Equal(expected, PostgresScratchDatabase.UrlOf(restoreInto, "jaga_verify_1"));
}
