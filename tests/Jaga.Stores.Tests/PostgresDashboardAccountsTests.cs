using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Testing;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The dashboard accounts contract against a real PostgreSQL: a new database per test, and for the race two store
/// instances (each its own connection pool, as separate nodes have) on it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDashboardAccountsTests(PostgresServer server) : DashboardAccountsContract
{
    protected override async Task<string> NewLocationAsync() => await server.CreateDatabaseAsync();

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await PostgresStateStore.OpenAsync(location, clock);

    protected override Task ExecuteSqlAsync(string sql) => StoreSql.ExecutePostgresAsync(Location, sql);
}
