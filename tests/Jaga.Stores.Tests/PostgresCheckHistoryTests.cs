using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Testing;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The check history contract against a real PostgreSQL: a new database per test. (The simulated year runs against
/// SQLite only: its point is a file that stops growing, and 5 million inserts take too long for a test here.)</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCheckHistoryTests(PostgresServer server) : CheckHistoryContract
{
    protected override async Task<string> NewLocationAsync() => await server.CreateDatabaseAsync();

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await PostgresStateStore.OpenAsync(location, clock);

    protected override Task ExecuteSqlAsync(string sql) => StoreSql.ExecutePostgresAsync(Location, sql);
}
