using Jaga.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

/// <summary>Which SQLite failures mean "the state store is away for now": the file stayed busy or locked past the busy
/// timeout, reading or writing it failed (<c>SQLITE_IOERR</c>), or it cannot be opened (<c>SQLITE_CANTOPEN</c>: a folder
/// in its place, a disk not mounted yet). A damaged file or one that cannot be written is the user's to fix, said with the
/// file's name and the fix. Anything else (a missing table, a constraint) is left as it is.</summary>
internal static class SqliteFailures
{
    public static bool Unavailable(Exception e) => e is SqliteException
    {
        SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_CANTOPEN,
    };

    /// <summary>The user's part of <paramref name="e"/> for the store file at <paramref name="path"/>, or null.</summary>
    public static UserException? UserError(Exception e, string path) => e switch
    {
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB } => new UserException(
            $"the state store {path} is damaged: {e.Message}",
            $"restore {path} from a copy, or, when no jaga process runs, move it and its -wal and -shm files aside "
            + $"(mv {path} {path}.damaged) to start a new, empty store; the maintenance log file keeps the history as text", e),
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_READONLY } => ReadOnly(e, path),
        _ => null,
    };

    /// <summary>SQLite says only "attempt to write a readonly database", also when the database itself is writable
    /// again and only its shared-memory file (<c>-shm</c>, made read-only alongside it) is not: every command then
    /// fails until that file is fixed. So each of the three files is tried for writing, and the one that refuses named.</summary>
    private static UserException ReadOnly(Exception e, string path)
    {
        var refusing = new[] { path, path + "-wal", path + "-shm" }.Where(p => File.Exists(p) && !Writable(p)).ToList();
        if (refusing.Count == 0)
            return new UserException($"the state store {path} cannot be written: {e.Message}",
                $"check that {path} and its folder can be written by the user running jaga", e);
        var files = string.Join(" and ", refusing);
        return new UserException($"the state store {path} cannot be written: {files} {(refusing.Count == 1 ? "is" : "are")} read-only",
            $"make {(refusing.Count == 1 ? "it" : "them")} writable (chmod u+w {string.Join(' ', refusing)}); a -wal or -shm file can "
            + "instead be removed when no jaga process runs (SQLite makes it anew)", e);
    }

    /// <summary>Opening for writing changes nothing in the file; it fails for a read-only one (and, as root, for an
    /// immutable one).</summary>
    private static bool Writable(string file)
    {
        try
        {
            using var _ = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception x) when (x is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
