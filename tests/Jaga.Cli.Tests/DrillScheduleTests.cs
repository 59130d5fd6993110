using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>A drill in the plan (<c>emergency.drills</c>) is a scheduled job: <c>jaga run --once</c> runs it after the backup it
/// drills, records its recovery time and data-loss window, and <c>jaga status</c> shows them.</summary>
public sealed class DrillScheduleTests : IDisposable
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - { name: app, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: [local] }
        emergency:
          drills:
            - { backup: app, schedule: "0 5 1 * *", test: "test -s \"$JAGA_DRILL_TARGET\"" }
        """;

    private readonly Workspace ws = new(Plan, "");

    [Fact]
    public async Task Run_once_runs_the_plans_drill_after_its_backup_and_status_shows_the_recovery_time()
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using (var db = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=False"))
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY); INSERT INTO orders VALUES (1), (2);";
            create.ExecuteNonQuery();
        }

        var run = await ws.Jaga("run", "--once");
        Assert.True(run.Code == 0, run.ToString());
        var log = File.ReadAllText(ws.LogPath);
        var backup = log.IndexOf("Database backup finished", StringComparison.Ordinal);
        var drill = log.IndexOf("Restore drill of app passed", StringComparison.Ordinal);
        Assert.True(backup >= 0 && drill > backup, log);

        var status = await ws.Jaga("status", "--json");
        Assert.True(status.Code == 0, status.ToString());
        using var json = JsonDocument.Parse(status.Out);
        var drills = json.RootElement.GetProperty("drills");
        Assert.Equal(1, drills.GetArrayLength());
        Assert.Equal("app", drills[0].GetProperty("job").GetString());
        Assert.Equal("succeeded", drills[0].GetProperty("result").GetString());
        Assert.True(drills[0].GetProperty("recovery_seconds").GetDouble() >= 0);
        Assert.True(drills[0].GetProperty("data_loss_seconds").GetDouble() >= 0);
        Assert.Contains(json.RootElement.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("job").GetString() == "drill:app");
    }

    public void Dispose() => ws.Dispose();
}
