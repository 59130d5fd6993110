using Jaga.Postgres;
using Npgsql;

namespace Jaga.Sources.Tests;

/// <summary>Fills and queries test databases by URL.</summary>
public static class PostgresData
{
    /// <summary>A small shop: accounts (<paramref name="accounts"/> rows), orders referring to them, a table in a second
    /// schema whose names need quoting, and an empty table.</summary>
    public static Task SeedAsync(string url, int accounts = 20_000) => ExecAsync(url, $""""
        CREATE TABLE accounts (id serial PRIMARY KEY, balance int NOT NULL, note text);
        INSERT INTO accounts (balance, note) SELECT g % 1000, repeat('x', g % 50) FROM generate_series(1, {accounts}) g;
        CREATE TABLE orders (id bigserial PRIMARY KEY, account int REFERENCES accounts(id), amount numeric(10,2));
        INSERT INTO orders (account, amount) SELECT (g % {accounts}) + 1, g / 7.0 FROM generate_series(1, 3000) g;
        CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz DEFAULT now(), what text);
        CREATE SCHEMA "Sales Dept";
        CREATE TABLE "Sales Dept"."Odd ""Name""" (x int);
        INSERT INTO "Sales Dept"."Odd ""Name""" VALUES (1), (2), (3);
        CREATE TABLE empty_one (x int);
        """");

    public static async Task ExecAsync(string url, string sql)
    {
        await using var c = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string url, string sql)
    {
        await using var c = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<NpgsqlConnection> OpenAsync(string url)
    {
        var b = PostgresUrl.Parse(url).Settings;
        b.Pooling = false;
        var c = new NpgsqlConnection(b.ConnectionString);
        await c.OpenAsync();
        return c;
    }

    /// <summary>The database name at the end of a test URL.</summary>
    public static string Database(string url) => url[(url.LastIndexOf('/') + 1)..];
}
