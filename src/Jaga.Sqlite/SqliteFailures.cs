using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

/// <summary>Which SQLite failures mean "the state store is away for now": the file stayed busy or locked past the busy
/// timeout, reading or writing it failed (<c>SQLITE_IOERR</c>), or it cannot be opened (<c>SQLITE_CANTOPEN</c>: a folder
/// in its place, a disk not mounted yet). Anything else (a missing table, a constraint, a corrupt file) is not transient
/// and is left as it is.</summary>
internal static class SqliteFailures
{
    public static bool Unavailable(Exception e) => e is SqliteException
    {
        SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_CANTOPEN,
    };
}
