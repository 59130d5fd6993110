using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary>What a new user meets first: the plan <c>jaga init</c> writes, a verification that waits for its backup, status
/// after a backup run by hand, and <c>--json</c> on every command that prints data.</summary>
public sealed class FirstRunTests
{
    private const string SqlitePlan = """
        version: 1
        project: toko
        timezone: UTC
        language: en
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        backup:
          - name: db
            source: { sqlite: data/app.db }
            schedule: "0 2 * * *"
            to: [local]
            verify: { schedule: "0 4 * * 0" }
        """;

    [Fact]
    public async Task Init_in_an_empty_folder_writes_a_plan_that_validates_and_runs_once_without_a_warning()
    {
        using var ws = new Workspace("", "");
        File.Delete(ws.PlanPath);
        File.Delete(Path.Combine(ws.Dir, ".env"));

        Assert.Equal(0, (await ws.Jaga("--plan", ws.PlanPath, "init")).Code);
        var validate = await ws.Jaga("validate");
        var once = await ws.Jaga("run", "--once");

        Assert.True(validate.Code == 0, validate.ToString());
        Assert.DoesNotMatch("(?i)warn", validate.Out + validate.Err);
        Assert.True(once.Code == 0, once.ToString());
        Assert.DoesNotContain("[WARN]", once.Out + once.Err + File.ReadAllText(ws.LogPath), StringComparison.Ordinal);
        Assert.Contains("#   - { path: \"logs/app/*.log\"", File.ReadAllText(ws.PlanPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_proposes_log_retention_for_a_folder_that_holds_logs()
    {
        using var ws = new Workspace("", "");
        File.Delete(ws.PlanPath);
        Directory.CreateDirectory(Path.Combine(ws.Dir, "storage", "logs"));
        File.WriteAllText(Path.Combine(ws.Dir, "storage", "logs", "laravel.log"), "x\n");

        var init = await ws.Jaga("--plan", ws.PlanPath, "--json", "init");
        var once = await ws.Jaga("run", "--once");

        Assert.True(init.Code == 0, init.ToString());
        var json = JsonNode.Parse(init.Out)!;
        Assert.Equal(ws.PlanPath, (string?)json["plan"]);
        Assert.Equal("storage/logs", (string?)json["found"]!["app_logs"]![0]);
        Assert.EndsWith("audit.key", (string?)json["audit_key"], StringComparison.Ordinal);
        Assert.Contains("- { path: \"storage/logs/*.log\"", File.ReadAllText(ws.PlanPath), StringComparison.Ordinal);
        Assert.DoesNotContain("[WARN]", once.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verification_with_no_backup_yet_is_not_used_up_and_runs_after_the_next_backup()
    {
        using var ws = new Workspace(SqlitePlan, "");

        // The database does not exist yet: the scheduled backup fails, and the verification has nothing to verify.
        var first = await ws.Jaga("run", "--once");
        var status = JsonNode.Parse((await ws.Jaga("--json", "status")).Out)!;
        CreateDatabase(ws);
        ws.Clock.Advance(TimeSpan.FromMinutes(5));
        var byHand = await ws.Jaga("backup", "run", "db");
        var second = await ws.Jaga("run", "--once");

        Assert.True(first.Code == 1, first.ToString());
        Assert.DoesNotContain("nothing verified", first.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Job(status, "verify:db")["result"]);
        Assert.True(byHand.Code == 0, byHand.ToString());
        Assert.True(second.Code == 0, second.ToString());
        Assert.Contains("[INFO] Backup verified: ", second.Out, StringComparison.Ordinal);
        var list = JsonNode.Parse((await ws.Jaga("--json", "backup", "list")).Out)!.AsArray();
        // The failed scheduled run is in the catalog too; the backup made by hand is the one verified.
        Assert.NotNull((string?)Assert.Single(list, r => (string?)r!["status"] == "complete")!["verified"]);
    }

    [Fact]
    public async Task Status_shows_a_successful_backup_run_by_hand_after_a_failed_scheduled_run()
    {
        using var ws = new Workspace(SqlitePlan, "");
        Assert.Equal(1, (await ws.Jaga("run", "--once")).Code);
        var failing = await ws.Jaga("status");
        CreateDatabase(ws);
        ws.Clock.Advance(TimeSpan.FromMinutes(5));
        var handStarted = ws.Clock.GetUtcNow();

        Assert.Equal(0, (await ws.Jaga("backup", "run", "db")).Code);
        var status = await ws.Jaga("status");
        var json = await ws.Jaga("--json", "status");

        Assert.True(failing.Code == 1, failing.ToString());
        Assert.Contains("FAILING backup:db", failing.Out, StringComparison.Ordinal);
        Assert.True(status.Code == 0, status.ToString());
        Assert.DoesNotContain("FAILING", status.Out, StringComparison.Ordinal);
        var row = status.Out.Split('\n').Single(l => l.StartsWith("backup:db\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("succeeded", row[3]);
        var lastSuccess = DateTimeOffset.ParseExact(row[5] + "Z", "yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lastSuccess, handStarted.AddSeconds(-1), ws.Clock.GetUtcNow());
        Assert.Equal(0, json.Code);
        var job = Job(JsonNode.Parse(json.Out)!, "backup:db");
        Assert.Equal("succeeded", (string?)job["result"]);
        Assert.False((bool)job["failing"]!);
        Assert.True(DateTimeOffset.Parse((string)job["last_success"]!, System.Globalization.CultureInfo.InvariantCulture) >= handStarted);
    }

    [Fact]
    public async Task Status_shows_a_verification_by_hand_of_the_newest_backup_after_a_failed_scheduled_one()
    {
        // A backup job that is not due again soon, so the second run --once only verifies.
        using var ws = new Workspace(SqlitePlan.Replace("schedule: \"0 2 * * *\"", "schedule: \"0 2 1 1 *\"", StringComparison.Ordinal), "");
        CreateDatabase(ws);
        Assert.Equal(0, (await ws.Jaga("run", "--once")).Code);
        var artifact = Directory.GetFiles(Path.Combine(ws.Dir, "backup"), "*.db.zst").Single();
        File.WriteAllBytes(artifact, [.. File.ReadAllBytes(artifact).Select(b => (byte)~b)]);
        ws.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, (await ws.Jaga("run", "--once")).Code);
        var failing = await ws.Jaga("status");
        ws.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await ws.Jaga("backup", "run", "db")).Code);
        // An older backup, or no restore where the schedule restores, says nothing about the job's verification.
        var notTheJobs = await ws.Jaga("backup", "verify", "--latest", "--job", "db");
        var stillFailing = await ws.Jaga("status");
        var handStarted = ws.Clock.GetUtcNow();

        var byHand = await ws.Jaga("backup", "verify", "--latest", "--job", "db", "--restore");
        var status = await ws.Jaga("--json", "status");

        Assert.Contains("FAILING verify:db", failing.Out, StringComparison.Ordinal);
        Assert.True(notTheJobs.Code == 0, notTheJobs.ToString());
        Assert.Contains("FAILING verify:db", stillFailing.Out, StringComparison.Ordinal);
        Assert.True(byHand.Code == 0, byHand.ToString());
        Assert.True(status.Code == 0, status.ToString());
        var job = Job(JsonNode.Parse(status.Out)!, "verify:db");
        Assert.Equal("succeeded", (string?)job["result"]);
        Assert.True(DateTimeOffset.Parse((string)job["last_run"]!, System.Globalization.CultureInfo.InvariantCulture) >= handStarted);
    }

    [Fact]
    public async Task Plan_render_with_json_writes_the_document_inside_json()
    {
        using var ws = new Workspace(SqlitePlan, "");
        var out1 = Path.Combine(ws.Dir, "MAINTENANCE.md");

        var toStdout = await ws.Jaga("--json", "plan", "render");
        var toFile = await ws.Jaga("--json", "plan", "render", "--out", out1);

        Assert.True(toStdout.Code == 0, toStdout.ToString());
        var doc = JsonNode.Parse(toStdout.Out)!;
        Assert.Equal("md", (string?)doc["format"]);
        Assert.Contains("## Backup", (string?)doc["document"], StringComparison.Ordinal);
        Assert.True(toFile.Code == 0, toFile.ToString());
        var file = JsonNode.Parse(toFile.Out)!;
        Assert.Equal(out1, (string?)file["file"]);
        Assert.Contains(out1, (string?)file["line"], StringComparison.Ordinal);
        Assert.Equal((string?)doc["document"], File.ReadAllText(out1));
    }

    [Fact]
    public async Task Run_once_with_json_writes_one_document_with_every_job_and_every_line()
    {
        using var ws = new Workspace(SqlitePlan, "");
        CreateDatabase(ws);

        var r = await ws.Jaga("--json", "run", "--once");

        Assert.True(r.Code == 0, r.ToString());
        var doc = JsonNode.Parse(r.Out)!;
        Assert.Equal(0, (int)doc["failed"]!);
        var jobs = doc["jobs"]!.AsArray();
        Assert.Equal("succeeded", (string?)jobs.Single(j => (string?)j!["job"] == "backup:db")!["outcome"]);
        Assert.Equal("verify", (string?)jobs.Single(j => (string?)j!["job"] == "verify:db")!["kind"]);
        var lines = doc["lines"]!.AsArray().Select(l => (string)l!["line"]!).ToList();
        Assert.Contains(lines, l => l.Contains("[INFO] Database backup finished:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[INFO] Backup verified:", StringComparison.Ordinal));
        Assert.True((int)doc["ran"]! >= jobs.Count);
    }

    [Fact]
    public async Task Audit_checkpoint_if_due_with_json_says_why_nothing_was_signed()
    {
        using var ws = new Workspace(SqlitePlan, "");

        var r = await ws.Jaga("--json", "audit", "checkpoint", "--if-due");

        Assert.True(r.Code == 0, r.ToString());
        var doc = JsonNode.Parse(r.Out)!;
        Assert.False((bool)doc["signed"]!);
        Assert.Contains("audit.checkpoint", (string?)doc["reason"], StringComparison.Ordinal);
    }

    private static JsonNode Job(JsonNode status, string id) => status["jobs"]!.AsArray().Single(j => (string?)j!["job"] == id)!;

    private static void CreateDatabase(Workspace ws)
    {
        Directory.CreateDirectory(Path.Combine(ws.Dir, "data"));
        using var c = new SqliteConnection($"Data Source={Path.Combine(ws.Dir, "data", "app.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO products (name) VALUES ('kopi'), ('teh');";
        cmd.ExecuteNonQuery();
    }
}
