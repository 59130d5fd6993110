using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>A runbook's <c>restore</c> step over a real SQLite backup, in-process: it restores the latest backup into a file
/// with the manifest's row counts, and refuses a target of the wrong kind or a backup it cannot find, in the dry run too.</summary>
public sealed class RunbookRestoreStepTests
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - { name: db, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: local }
        emergency:
          runbooks:
            - name: good
              steps:
                - restore: { backup: db, from: latest, into: restored.db }
            - name: wrong
              steps:
                - restore: { backup: db, from: latest, into: "postgres://jaga@127.0.0.1:1/x" }
            - name: chain
              steps:
                - name: fresh
                  backup: db
                - restore: { backup: db, from: "${steps.fresh.output}", into: chained.db }
            - name: verified
              steps:
                - restore: { backup: db, from: latest_verified, into: other.db }
        """;

    [Fact]
    public async Task A_restore_step_brings_back_the_latest_backup_into_a_file()
    {
        using var ws = await BackedUpAsync();

        var r = await ws.Jaga("runbook", "run", "good", "--yes");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("the target is empty: nothing is overwritten", r.Out, StringComparison.Ordinal);
        Assert.Contains("1 table(s) match the manifest's row counts", r.Out, StringComparison.Ordinal);
        Assert.Equal(3L, Rows(Path.Combine(ws.Dir, "restored.db")));
    }

    [Fact]
    public async Task A_restore_of_the_backup_an_earlier_step_takes_cannot_be_simulated_but_is_ready_and_then_runs()
    {
        using var ws = await BackedUpAsync();

        var dry = await ws.Jaga("runbook", "run", "chain", "--dry-run");
        var run = await ws.Jaga("runbook", "run", "chain", "--yes");

        Assert.True(dry.Code == 0, dry.ToString());
        Assert.Contains("step 2: restore-2 (restore) — cannot be simulated: would restore the backup an earlier step gives (${steps.fresh.output})", dry.Out, StringComparison.Ordinal);
        Assert.True(run.Code == 0, run.ToString());
        Assert.Equal(3L, Rows(Path.Combine(ws.Dir, "chained.db")));
    }

    [Fact]
    public async Task A_sqlite_backup_is_not_restored_into_a_database_url_in_the_run_or_the_dry_run()
    {
        using var ws = await BackedUpAsync();

        var dry = await ws.Jaga("runbook", "run", "wrong", "--dry-run");
        var run = await ws.Jaga("runbook", "run", "wrong", "--yes");

        const string Refused = "is a SQLite database: it restores into a database file, not postgres://jaga@127.0.0.1:1/x";
        Assert.True(dry.Code == 1, dry.ToString());
        Assert.Contains(Refused, dry.Out, StringComparison.Ordinal);
        Assert.True(run.Code == 1, run.ToString());
        Assert.Contains(Refused, run.Out, StringComparison.Ordinal);
        Assert.Contains("give restore.into a target of that kind", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(ws.Dir, "postgres*"));
        Assert.Empty(Directory.GetFiles(ws.Dir, "x", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Latest_verified_without_a_verified_backup_fails_the_step_with_how_to_verify_one()
    {
        using var ws = await BackedUpAsync();

        var r = await ws.Jaga("runbook", "run", "verified", "--yes");

        Assert.True(r.Code == 1, r.ToString());
        Assert.Contains("job 'db' has no backup whose last verification passed", r.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(ws.Dir, "other.db")));
    }

    private static async Task<Workspace> BackedUpAsync()
    {
        var ws = new Workspace(Plan, "");
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using (var c = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (1), (2.5), (3);";
            cmd.ExecuteNonQuery();
        }
        var backup = await ws.Jaga("backup", "run");
        Assert.True(backup.Code == 0, backup.ToString());
        return ws;
    }

    private static long Rows(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM orders";
        return (long)cmd.ExecuteScalar()!;
    }
}
