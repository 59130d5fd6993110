using Jaga.Core.Ports;
using Jaga.Sqlite.Backup;
using Microsoft.Data.Sqlite;

namespace Jaga.Sources.Tests;

/// <summary>SQLite's online backup against real files: consistent copies while another connection writes, safe restores.</summary>
public sealed class SqliteSourceTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-sqlite-source-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("WAL")]
    [InlineData("DELETE")]
    public async Task A_copy_taken_while_another_connection_writes_passes_the_integrity_check_with_the_counts_recorded(string journal)
    {
        var db = Path.Combine(dir, "app.db");
        Exec(db, $"PRAGMA journal_mode={journal}; CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, item INTEGER);");
        Exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) INSERT INTO items (body) SELECT printf('%0100d', i) FROM n;");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(() =>
        {
            using var c = Open(db);
            using var busy = c.CreateCommand();
            busy.CommandText = "PRAGMA busy_timeout = 60000";
            busy.ExecuteNonQuery();
            while (!stop.IsCancellationRequested)
            {
                // Two tables in one transaction: a copy holding one insert without the other would be torn.
                using var tx = c.BeginTransaction();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "INSERT INTO items (body) VALUES ('new'); INSERT INTO log (item) VALUES (last_insert_rowid());";
                cmd.ExecuteNonQuery();
                tx.Commit();
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 50) await Task.Delay(5);

        var copies = new List<(byte[] Bytes, SourceSnapshot Snapshot)>();
        for (var i = 0; i < 3; i++)
        {
            using var output = new MemoryStream();
            var snapshot = await new SqliteSource(db, dir).WriteAsync(output);
            copies.Add((output.ToArray(), snapshot));
        }
        var before = Volatile.Read(ref written);
        await Task.Delay(50);
        await stop.CancelAsync();
        await writer;

        Assert.True(Volatile.Read(ref written) > before, "the writer must still have been writing");
        foreach (var (bytes, snapshot) in copies)
        {
            var copy = Path.Combine(dir, $"copy-{Guid.NewGuid():N}.db");
            await File.WriteAllBytesAsync(copy, bytes);
            Assert.Equal("ok", Scalar<string>(copy, "PRAGMA integrity_check"));
            Assert.Equal(snapshot.Tables["items"], Scalar<long>(copy, "SELECT count(*) FROM items"));
            Assert.Equal(snapshot.Tables["items"] - 50_000, snapshot.Tables["log"]);
            Assert.False(snapshot.Tables.ContainsKey("sqlite_sequence"));
            Assert.Equal(snapshot.ServerVersion, snapshot.Tools["sqlite"]);
        }
        Assert.Empty(Directory.GetFiles(dir, "jaga-sqlite-*"));
    }

    [Fact]
    public async Task A_missing_file_is_an_error_and_is_not_created()
    {
        var db = Path.Combine(dir, "nope.db");

        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new SqliteSource(db).WriteAsync(Stream.Null));

        Assert.Equal($"SQLite database '{db}' does not exist", e.Message);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_a_clear_error()
    {
        var db = Path.Combine(dir, "text.db");
        await File.WriteAllTextAsync(db, new string('x', 5000));

        var e = await Assert.ThrowsAsync<BackupSourceException>(() => new SqliteSource(db, dir).WriteAsync(Stream.Null));

        Assert.Contains("is not a SQLite database", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_replaces_the_target_and_counts_as_the_backup_recorded()
    {
        var db = Path.Combine(dir, "app.db");
        Exec(db, "CREATE TABLE a (x); INSERT INTO a VALUES (1), (2); CREATE TABLE \"b c\" (y); INSERT INTO \"b c\" VALUES (3);");
        using var backup = new MemoryStream();
        var snapshot = await new SqliteSource(db).WriteAsync(backup);
        var targetPath = Path.Combine(dir, "restored", "app.db");
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        Exec(targetPath, "PRAGMA journal_mode=WAL; CREATE TABLE old (z); INSERT INTO old VALUES (9);");
        var target = new SqliteRestoreTarget(targetPath);

        var state = await target.InspectAsync();
        backup.Position = 0;
        await target.RestoreAsync(backup);

        Assert.False(state.IsEmpty);
        Assert.Equal(["old (1 rows)"], state.Contents);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 2, ["b c"] = 1 }, snapshot.Tables);
        Assert.Equal(snapshot.Tables, await target.CountAsync());
        Assert.Equal("ok", Scalar<string>(targetPath, "PRAGMA integrity_check"));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(targetPath)!));
    }

    [Fact]
    public async Task A_restore_of_something_that_fails_the_integrity_check_leaves_the_target_untouched()
    {
        var targetPath = Path.Combine(dir, "keep.db");
        Exec(targetPath, "CREATE TABLE kept (x); INSERT INTO kept VALUES (1);");
        var original = await File.ReadAllBytesAsync(targetPath);
        var target = new SqliteRestoreTarget(targetPath);

        // A real database cut short: the header promises pages that are not there.
        var source = Path.Combine(dir, "big.db");
        Exec(source, "CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t SELECT randomblob(100) FROM n;");
        var bytes = await File.ReadAllBytesAsync(source);
        using var broken = new MemoryStream(bytes[..(bytes.Length / 2)]);

        await Assert.ThrowsAsync<BackupSourceException>(() => target.RestoreAsync(broken));

        Assert.Equal(original, await File.ReadAllBytesAsync(targetPath));
        Assert.Equal(["keep.db"], Directory.GetFiles(dir, "*keep*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Inspect_sees_a_missing_file_as_empty_and_a_foreign_file_as_not_empty()
    {
        var foreign = Path.Combine(dir, "notes.txt");
        await File.WriteAllTextAsync(foreign, "not a database but precious");

        Assert.True((await new SqliteRestoreTarget(Path.Combine(dir, "none.db")).InspectAsync()).IsEmpty);
        var state = await new SqliteRestoreTarget(foreign).InspectAsync();
        Assert.False(state.IsEmpty);
        Assert.Contains("not a SQLite database", Assert.Single(state.Contents), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scratch_file_takes_a_restore_and_is_deleted_on_dispose()
    {
        var db = Path.Combine(dir, "app.db");
        Exec(db, "CREATE TABLE a (x); INSERT INTO a VALUES (1), (2), (3);");
        using var backup = new MemoryStream();
        var snapshot = await new SqliteSource(db).WriteAsync(backup);

        string path;
        await using (var scratch = SqliteScratchFile.Create(dir))
        {
            path = scratch.Path;
            backup.Position = 0;
            await scratch.Target.RestoreAsync(backup);
            Assert.Equal(snapshot.Tables, await scratch.Target.CountAsync());
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_scratch_restore_of_garbage_fails_the_check()
    {
        await using var scratch = SqliteScratchFile.Create(dir);
        using var garbage = new MemoryStream(new byte[8192]);

        await Assert.ThrowsAsync<BackupSourceException>(() => scratch.Target.RestoreAsync(garbage));
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }

    private static void Exec(string path, string sql)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static T Scalar<T>(string path, string sql)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }
}
