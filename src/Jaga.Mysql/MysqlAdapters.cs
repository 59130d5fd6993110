using Jaga.Core.Adapters;
using Jaga.Core.Plan;

namespace Jaga.Mysql;

/// <summary>Adds what MySQL and MariaDB serve: the <c>mysql</c> check and migration exports.</summary>
public static class MysqlAdapters
{
    public static AdapterSet AddMysql(this AdapterSet adapters) =>
        adapters.AddDatabase(new MysqlDatabaseAdapter()).AddMigrationSource(new Migration.MysqlMigrationSourceAdapter());

    private sealed class MysqlDatabaseAdapter : IDatabaseAdapter
    {
        public DatabaseKind Kind => DatabaseKind.Mysql;

        public Task<string?> FirstValueAsync(string location, string sql, TimeSpan timeout, CancellationToken ct) =>
            MysqlQuery.FirstValueAsync(MysqlUrl.Parse(location), sql, timeout, ct);

        public string? Password(string location)
        {
            try
            {
                return MysqlUrl.Parse(location).Settings.Password;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
