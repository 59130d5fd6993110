using Jaga.Core.Adapters;

namespace Jaga.Postgres;

/// <summary>Adds what PostgreSQL serves: backups (pg_dump, restore, scratch databases), the <c>postgres</c> check, and
/// the <c>state: postgres://…</c> store, and the target of <c>jaga migrate import</c>.</summary>
public static class PostgresAdapters
{
    public static AdapterSet AddPostgres(this AdapterSet adapters) =>
        adapters.AddSource(new PostgresSourceAdapter()).AddDatabase(new PostgresDatabaseAdapter()).AddStateStore(new PostgresStoreAdapter())
            .AddImportTarget(new Migration.PostgresImportTarget())
            .AddMigrationSource(new Migration.PostgresMigrationSourceAdapter());
}
