using System.Text.Json.Nodes;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Backup.Tests.Integration;

/// <summary><c>jaga drill restore</c> end to end through the CLI: a real SQLite file and a real PostgreSQL server restored
/// into scratch targets, their row counts and test commands checked, the recovery time and data-loss window recorded and
/// shown by <c>jaga status</c>, one log line and one audit entry per drill, and the scratch targets removed.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DrillTests(PostgresServer pg)
{
    private static readonly TimeSpan BackupAge = TimeSpan.FromHours(3);

    [Fact]
    public async Task Sqlite_drill_restores_checks_the_row_counts_runs_the_test_and_records_both_figures()
    {
        using var ws = await SqliteBackedUpAsync();

        // The test runs in the plan's folder: it leaves the scratch file's path there, to prove it was removed afterwards.
        var run = await ws.Jaga("drill", "restore", "app", "--json", "--test",
            "test -s \"$JAGA_DRILL_TARGET\" && test \"$JAGA_DRILL_JOB\" = app && printf %s \"$JAGA_DRILL_TARGET\" > target.txt");

        Assert.True(run.Code == 0, run.ToString());
        var drill = JsonNode.Parse(run.Out)!;
        Assert.Equal("succeeded", (string?)drill["outcome"]);
        Assert.Equal("app", (string?)drill["job"]);
        Assert.True((double)drill["recovery_seconds"]! > 0);
        // The backup was taken on the plan's clock, three hours before the drill started.
        Assert.InRange((double)drill["data_loss_seconds"]!, BackupAge.TotalSeconds, BackupAge.TotalSeconds + 60);
        Assert.Contains("2 tabel", (string?)drill["detail"], StringComparison.Ordinal);
        Assert.Contains("perintah uji lulus", (string?)drill["detail"], StringComparison.Ordinal);
        Assert.Null(drill["kept"]);
        var scratch = File.ReadAllText(Path.Combine(ws.Dir, "target.txt"));
        Assert.EndsWith(".db", scratch, StringComparison.Ordinal);
        Assert.False(File.Exists(scratch), scratch);

        var line = Assert.Single(File.ReadAllLines(ws.LogPath), l => l.Contains("Latihan restore", StringComparison.Ordinal));
        Assert.Contains("[INFO] Latihan restore app berhasil: app_", line, StringComparison.Ordinal);
        var audit = Assert.Single(Audit(ws, "drill.restore"));
        Assert.Contains("\"recovery_seconds\"", audit.Data, StringComparison.Ordinal);
        Assert.Contains("\"data_loss_seconds\"", audit.Data, StringComparison.Ordinal);

        var status = JsonNode.Parse((await ws.Ok("status", "--json")).Out)!;
        var row = Assert.Single(status["drills"]!.AsArray())!;
        Assert.Equal("app", (string?)row["job"]);
        Assert.Equal("succeeded", (string?)row["result"]);
        Assert.Equal(0, (int)row["days_since_success"]!);
        Assert.Equal((double)drill["recovery_seconds"]!, (double)row["recovery_seconds"]!);
    }

    [Fact]
    public async Task A_failing_test_command_fails_the_drill_exit_1_recorded_logged_and_shown_by_status()
    {
        using var ws = await SqliteBackedUpAsync();

        var run = await ws.Jaga("drill", "restore", "app", "--test", "echo checking; echo 'orders table is empty' >&2; exit 3");

        Assert.True(run.Code == 1, run.ToString());
        Assert.Contains("Latihan restore app GAGAL: perintah uji keluar dengan kode 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("orders table is empty", run.Out, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(ws.LogPath), l => l.Contains("[ERROR] Latihan restore app GAGAL", StringComparison.Ordinal));
        Assert.Single(Audit(ws, "drill.restore"));

        var status = await ws.Jaga("status", "--json");
        Assert.Equal(1, status.Code);
        var row = Assert.Single(JsonNode.Parse(status.Out)!["drills"]!.AsArray())!;
        Assert.Equal("failed", (string?)row["result"]);
        Assert.Null(row["days_since_success"]);
        Assert.Contains("kode 3", (string?)row["detail"], StringComparison.Ordinal);

        // A passing drill afterwards: status shows the days since it and its recovery time, in a table in the plan's language.
        ws.Clock.Advance(TimeSpan.FromDays(2));
        await ws.Ok("drill", "restore", "app");
        ws.Clock.Advance(TimeSpan.FromDays(3));
        var text = await ws.Ok("status");
        Assert.Contains("JOB DILATIH", text.Out, StringComparison.Ordinal);
        Assert.Contains("lulus", text.Out, StringComparison.Ordinal);
        var again = JsonNode.Parse((await ws.Ok("status", "--json")).Out)!["drills"]![0]!;
        Assert.Equal(3, (int)again["days_since_success"]!);
        Assert.True((double)again["recovery_seconds"]! > 0);
    }

    [Fact]
    public async Task Keep_leaves_the_scratch_copy_and_says_where()
    {
        using var ws = await SqliteBackedUpAsync();

        var run = await ws.Ok("drill", "restore", "app", "--keep", "--json");

        var kept = (string)JsonNode.Parse(run.Out)!["kept"]!;
        Assert.True(File.Exists(kept), kept);
        await using (var c = new SqliteConnection($"Data Source={kept};Pooling=false"))
        {
            await c.OpenAsync();
            await using var count = new SqliteCommand("SELECT count(*) FROM orders", c);
            Assert.Equal(4L, (long)(await count.ExecuteScalarAsync())!);
        }
        File.Delete(kept);
    }

    [Fact]
    public async Task A_job_without_a_backup_exits_2_and_says_how_to_take_one()
    {
        using var ws = SqliteWorkspace();

        var run = await ws.Jaga("drill", "restore", "app");

        Assert.True(run.Code == 2, run.ToString());
        Assert.Contains("job 'app' belum punya backup selesai untuk dilatih", run.Err, StringComparison.Ordinal);
        Assert.Contains("jaga backup run app", run.Err, StringComparison.Ordinal);
        Assert.Empty(Audit(ws, "drill.restore"));
        var unknown = await ws.Jaga("drill", "restore", "nosuch");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("nosuch", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_drill_restores_into_a_scratch_database_that_is_dropped_and_the_test_reads_it()
    {
        var (ws, db) = await PostgresBackedUpAsync();
        using var _ = ws;
        var before = await SampleDatabase.AllAsync(pg);

        var run = await ws.Jaga("drill", "restore", "db", "--json", "--test",
            "test \"$(psql -X -At \"$JAGA_DRILL_TARGET\" -c 'SELECT count(*) FROM orders')\" = 5");

        Assert.True(run.Code == 0, run.ToString());
        var drill = JsonNode.Parse(run.Out)!;
        Assert.Equal("succeeded", (string?)drill["outcome"]);
        Assert.Contains("3 tabel", (string?)drill["detail"], StringComparison.Ordinal);
        Assert.True((double)drill["recovery_seconds"]! > 0);
        Assert.InRange((double)drill["data_loss_seconds"]!, BackupAge.TotalSeconds, BackupAge.TotalSeconds + 60);
        Assert.Equal(before, await SampleDatabase.AllAsync(pg));
        Assert.Single(Audit(ws, "drill.restore"));
        Assert.DoesNotContain(db.Password, ws.Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_drill_whose_test_fails_is_recorded_failed_with_the_target_password_masked_and_the_database_dropped()
    {
        var (ws, db) = await PostgresBackedUpAsync();
        using var _ = ws;
        var before = await SampleDatabase.AllAsync(pg);

        // The test prints the scratch URL, password and all: it must not reach the output, the log or the store.
        var run = await ws.Jaga("drill", "restore", "db", "--test", "echo \"target $JAGA_DRILL_TARGET\"; exit 1");

        Assert.True(run.Code == 1, run.ToString());
        Assert.Contains("GAGAL", run.Out, StringComparison.Ordinal);
        Assert.Contains("jaga_verify_", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await SampleDatabase.AllAsync(pg));
        var status = JsonNode.Parse((await ws.Jaga("status", "--json")).Out)!["drills"]![0]!;
        Assert.Equal("failed", (string?)status["result"]);
        Assert.DoesNotContain(db.Password, (string?)status["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(db.Password, ws.Everything, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Password, string.Join('\n', Audit(ws, "drill.restore").Select(a => a.Data + a.Message)), StringComparison.Ordinal);
    }

    internal static BackupWorkspace SqliteWorkspace()
    {
        var ws = new BackupWorkspace(Plans.Of(Plans.LocalOnly, """
              - name: app
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
                file: "app_{date}"
            """), "UNUSED=1\n");
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using var c = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=false");
        c.Open();
        using var seed = new SqliteCommand("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
            INSERT INTO customers (name) VALUES ('Budi'), ('Siti');
            CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL);
            INSERT INTO orders (total) VALUES (1), (2), (3), (4);
            """, c);
        seed.ExecuteNonQuery();
        return ws;
    }

    private static async Task<BackupWorkspace> SqliteBackedUpAsync()
    {
        var ws = SqliteWorkspace();
        await ws.Ok("backup", "run");
        ws.Clock.Advance(BackupAge);
        return ws;
    }

    private async Task<(BackupWorkspace Ws, SampleDatabase Db)> PostgresBackedUpAsync()
    {
        var db = await SampleDatabase.CreateSeededAsync(pg);
        var plan = Plans.Of(Plans.LocalOnly, Plans.PostgresJob("local", "verify: { restore_into: \"${VERIFY_URL}\" }"));
        var ws = new BackupWorkspace(plan, $"DATABASE_URL={db.Url}\nVERIFY_URL={pg.Url("postgres", db.Password)}\n");
        await ws.Ok("backup", "run");
        ws.Clock.Advance(BackupAge);
        return (ws, db);
    }

    private static List<(string Data, string Message)> Audit(BackupWorkspace ws, string kind)
    {
        using var c = new SqliteConnection($"Data Source={ws.StatePath};Mode=ReadOnly;Pooling=false");
        c.Open();
        using var q = new SqliteCommand("SELECT data, message FROM audit WHERE kind = $k ORDER BY seq", c);
        q.Parameters.AddWithValue("$k", kind);
        using var r = q.ExecuteReader();
        var entries = new List<(string, string)>();
        while (r.Read()) entries.Add((r.GetString(0), r.GetString(1)));
        return entries;
    }
}
