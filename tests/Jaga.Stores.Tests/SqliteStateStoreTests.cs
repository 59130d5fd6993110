using Jaga.Core.Ports;
using Jaga.Sqlite;
using Microsoft.Data.Sqlite;

namespace Jaga.Stores.Tests;

/// <summary>The state store contract against SQLite: a new file in a new temp folder per test.</summary>
public sealed class SqliteStateStoreTests : StateStoreContract
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("jaga-sqlite-");

    protected override Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(folder.FullName, "state.db"));

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await SqliteStateStore.OpenAsync(location, clock);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Pooling = false }.ToString());
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    protected override Task DeleteLocationAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
