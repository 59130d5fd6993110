using Jaga.Core.Ports;
using Jaga.Sqlite;

namespace Jaga.Stores.Tests;

/// <summary>The dashboard accounts contract against SQLite: a new file in a new temp folder per test.</summary>
public sealed class SqliteDashboardAccountsTests : DashboardAccountsContract
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("jaga-sqlite-");

    protected override Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(folder.FullName, "state.db"));

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await SqliteStateStore.OpenAsync(location, clock);

    protected override Task ExecuteSqlAsync(string sql) => StoreSql.ExecuteSqliteAsync(Location, sql);

    protected override Task DeleteLocationAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
