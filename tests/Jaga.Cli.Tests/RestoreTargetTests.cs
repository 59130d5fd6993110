using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary><c>backup restore latest</c> with several jobs asks which one, and a target of the wrong kind is refused before
/// anything is written: an uploads archive once went into a path named <c>x.db</c>, as a folder.</summary>
public sealed class RestoreTargetTests : IDisposable
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: UTC
        language: en
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - { name: db, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: [local] }
          - { name: uploads, source: { files: [uploads/] }, every: 1h, to: [local] }
        """;

    private readonly Workspace ws = new(Plan, "");

    [Fact]
    public async Task Latest_without_a_job_is_ambiguous_with_several_jobs_and_restores_nothing()
    {
        await BackUpBothAsync();

        var r = await ws.Jaga("backup", "restore", "latest", "--into", Path.Combine(ws.Dir, "x.db"), "--yes");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("'latest' of which job? db, uploads have backups", r.Err, StringComparison.Ordinal);
        Assert.Contains("--job db", r.Err, StringComparison.Ordinal);
        Assert.False(Path.Exists(Path.Combine(ws.Dir, "x.db")));
    }

    [Theory]
    [InlineData("uploads", "existing.db", "a files backup restores into a folder")]
    [InlineData("uploads", "postgres://app@127.0.0.1/app", "a files backup restores into a folder")]
    [InlineData("db", "postgres://app@127.0.0.1/app", "a SQLite backup restores into a database file")]
    [InlineData("db", "data", "a SQLite backup restores into a database file")]
    public async Task A_target_of_the_wrong_kind_is_refused(string job, string into, string said)
    {
        await BackUpBothAsync();
        File.WriteAllText(Path.Combine(ws.Dir, "existing.db"), "keep me");

        // --into is read from the shell's folder, as any command's path: the test names its own.
        if (!into.Contains("://", StringComparison.Ordinal)) into = Path.Combine(ws.Dir, into);
        var r = await ws.Jaga("backup", "restore", "latest", "--job", job, "--into", into, "--yes");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"--into: {said}, not {into}", r.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(ws.Dir, "existing.db")));
    }

    [Fact]
    public async Task Latest_of_a_named_job_restores_into_a_target_of_its_kind()
    {
        await BackUpBothAsync();

        var r = await ws.Jaga("backup", "restore", "latest", "--job", "uploads", "--into", Path.Combine(ws.Dir, "restored"), "--yes");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("foto", File.ReadAllText(Directory.GetFiles(Path.Combine(ws.Dir, "restored"), "a.txt", SearchOption.AllDirectories).Single()));
    }

    private async Task BackUpBothAsync()
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using (var c = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO products (name) VALUES ('kopi');";
            cmd.ExecuteNonQuery();
        }
        Directory.CreateDirectory(Path.Combine(ws.Dir, "uploads"));
        File.WriteAllText(Path.Combine(ws.Dir, "uploads", "a.txt"), "foto");
        Assert.Equal(0, (await ws.Jaga("backup", "run", "db")).Code);
        Assert.Equal(0, (await ws.Jaga("backup", "run", "uploads")).Code);
    }

    public void Dispose() => ws.Dispose();
}
