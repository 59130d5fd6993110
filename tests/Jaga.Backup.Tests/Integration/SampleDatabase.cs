using Jaga.Testing;
using Npgsql;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A database on the test server, by name, with its URL (carrying a password trust authentication ignores,
/// so the tests can check it is never printed) and its connection string for the test's own queries.</summary>
public sealed record SampleDatabase(PostgresServer Server, string Name, string Password)
{
    public const string DefaultPassword = "pg-Pa55-w0rd-4711";

    /// <summary>What <see cref="CreateSeededAsync"/> puts in, as <c>schema.table</c> → rows.</summary>
    public static readonly IReadOnlyDictionary<string, long> SeededCounts = new Dictionary<string, long>
    {
        ["public.customers"] = 3,
        ["public.orders"] = 5,
        ["gudang.stok"] = 2,
    };

    public string Url => Server.Url(Name, Password);

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = PostgresServer.Host,
        Port = Server.Port,
        Username = PostgresServer.User,
        Database = Name,
        Pooling = false,
    }.ConnectionString;

    /// <summary>A new empty database.</summary>
    public static async Task<SampleDatabase> CreateAsync(PostgresServer server, string password = DefaultPassword)
    {
        var url = await server.CreateDatabaseAsync();
        return new SampleDatabase(server, url[(url.LastIndexOf('/') + 1)..], password);
    }

    /// <summary>A new database with two schemas, a foreign key, a sequence and non-ASCII text.</summary>
    public static async Task<SampleDatabase> CreateSeededAsync(PostgresServer server, string password = DefaultPassword)
    {
        var db = await CreateAsync(server, password);
        await db.ExecuteAsync("""
            CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
            INSERT INTO customers (name) VALUES ('Budi'), ('Siti'), ('Wayan Ñoño');
            CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers(id), total numeric(12,2));
            INSERT INTO orders (customer_id, total) VALUES (1, 10.5), (1, 20), (2, 7.25), (3, 99.99), (3, 1);
            CREATE SCHEMA gudang;
            CREATE TABLE gudang.stok (sku text PRIMARY KEY, qty int);
            INSERT INTO gudang.stok VALUES ('KOPI-01', 12), ('TEH-02', 0);
            """);
        return db;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Rows per user table, as <c>schema.table</c>.</summary>
    public async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", c))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var t in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {t}", c);
            counts[t] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    /// <summary>Every database on the server: a test restore's scratch database must be gone afterwards.</summary>
    public static async Task<HashSet<string>> AllAsync(PostgresServer server)
    {
        var admin = new SampleDatabase(server, "postgres", "");
        await using var c = new NpgsqlConnection(admin.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database", c);
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
