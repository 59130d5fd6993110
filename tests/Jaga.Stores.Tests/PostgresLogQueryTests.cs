using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Testing;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The log query contract against a real PostgreSQL: a new database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLogQueryTests(PostgresServer server) : LogQueryContract
{
    protected override async Task<string> NewLocationAsync() => await server.CreateDatabaseAsync();

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await PostgresStateStore.OpenAsync(location, clock);

    protected override Task ExecuteSqlAsync(string sql) => StoreSql.ExecutePostgresAsync(Location, sql);
}
