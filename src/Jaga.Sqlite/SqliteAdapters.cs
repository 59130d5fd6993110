using Jaga.Core.Adapters;

namespace Jaga.Sqlite;

/// <summary>Adds what SQLite serves: backups (online backup API, restore, scratch files), the <c>sqlite</c> check, and the
/// default state store (a file).</summary>
public static class SqliteAdapters
{
    public static AdapterSet AddSqlite(this AdapterSet adapters) =>
        adapters.AddSource(new SqliteSourceAdapter()).AddDatabase(new SqliteDatabaseAdapter()).AddStateStore(new SqliteStoreAdapter())
            .AddMigrationSource(new Migration.SqliteMigrationSourceAdapter());
}
