using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

/// <summary>Which SQLite failures mean "the state store is away for now": the file stayed busy or locked past the busy
/// timeout, or reading or writing it failed (<c>SQLITE_IOERR</c>). Anything else (a missing table, a constraint, a corrupt
/// file) is not transient and is left as it is.</summary>
internal static class SqliteFailures
{
    public static bool Unavailable(Exception e) => e is SqliteException
    {
        SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_IOERR,
    };
}
