using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Monitoring.Tests.Probes;

public sealed class PostgresProbeTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Postgres_check_connects_and_reads_the_first_value_of_its_query()
    {
        var url = await server.CreateDatabaseAsync();
        await using var world = await ProbeWorld.CreateAsync($"- name: db\n  postgres: {url}\n  query: SELECT 40 + 2");
        var seen = await world.ObserveAsync("db");
        Assert.Null(seen.Error);
        Assert.True(seen.Connected);
        Assert.Equal("42", seen.Result);
    }

    [Fact]
    public async Task Postgres_check_of_a_missing_database_says_so_without_the_password()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: db\n  postgres: {server.Url("no_such_db", "hunter2-secret")}");
        var seen = await world.ObserveAsync("db");
        Assert.False(seen.Connected);
        Assert.Contains("no_such_db", seen.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", seen.Error, StringComparison.Ordinal);
    }
}

public sealed class MysqlProbeTests(MariaDbServer server) : IClassFixture<MariaDbServer>
{
    [Fact]
    public async Task Mysql_check_connects_to_mariadb_and_reads_the_default_query()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: db\n  mysql: {server.Url()}");
        var seen = await world.ObserveAsync("db");
        Assert.Null(seen.Error);
        Assert.True(seen.Connected);
        Assert.Equal("1", seen.Result);
    }

    [Fact]
    public async Task Mysql_check_with_a_wrong_password_says_access_denied_without_the_password()
    {
        await using var world = await ProbeWorld.CreateAsync($"- name: db\n  mysql: {server.Url("wrong-Pa55word")}");
        var seen = await world.ObserveAsync("db");
        Assert.False(seen.Connected);
        Assert.Contains("Access denied for user 'jaga'", seen.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-Pa55word", seen.Error, StringComparison.Ordinal);
    }
}

public sealed class SqliteProbeTests
{
    [Fact]
    public async Task Sqlite_check_reads_a_file_read_only_and_a_missing_file_is_not_created()
    {
        await using var world = await ProbeWorld.CreateAsync("""
            - name: app
              sqlite: app.db
              query: SELECT count(*) FROM orders
            - name: missing
              sqlite: missing.db
            """);
        var file = Path.Combine(world.Folder, "app.db");
        await using (var c = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1), (2), (3);";
            await cmd.ExecuteNonQueryAsync();
        }
        var seen = await world.ObserveAsync("app");
        Assert.Null(seen.Error);
        Assert.Equal("3", seen.Result);
        var missing = await world.ObserveAsync("missing");
        Assert.False(missing.Connected);
        Assert.Contains("not found", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(world.Folder, "missing.db")));
    }
}
