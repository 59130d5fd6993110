using System.Text.Json.Nodes;
using Jaga.Core.Ports;

using static Jaga.Cli.Tests.RunbookRunSeed;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga runbook runs</c> over a real SQLite store seeded as the executor records runs: the table newest first with
/// the current or failed step, one run with its parameters, step attempts, output tails and approvals, the same as JSON with
/// stored words, statuses in the plan's language, and no secret printed even when one reached the store.</summary>
public sealed class RunbookRunsCommandTests
{
    [Fact]
    public async Task The_table_lists_runs_newest_first_with_status_trigger_incident_duration_and_the_current_or_failed_step()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await FailedAsync(store, ws, "5eed0001", "exit 3", "no space left");
            ws.Clock.Advance(TimeSpan.FromMinutes(1));
            var incident = (await store.Incidents.OpenAsync("check:db", "Database is gone", "alert", ws.Clock.GetUtcNow(), Node)).Incident.Id;
            await WaitingAsync(store, ws, "3f9a0c12", incident);
        }

        var r = await ws.Jaga("runbook", "runs");
        var limited = await ws.Jaga("runbook", "runs", "--limit", "1");
        var other = await ws.Jaga("runbook", "runs", "--runbook", "restart-api");

        Assert.True(r.Code == 0, r.ToString());
        var lines = r.Out.Trim().Split('\n');
        Assert.Equal("ID\tRUNBOOK\tSTATUS\tTRIGGER\tINCIDENT\tSTARTED\tDURATION\tBY\tSTEP", lines[0]);
        Assert.Matches(@"^3f9a0c12\trestore-db\twaiting for approval\tmanual\t#1\t2025-11-15 02:\d\d:\d\d\t\d+s\trina\tgo-ahead$", lines[1]);
        // 19:00 UTC is 02:00 in Asia/Jakarta, the plan's time zone; the run failed 30 s (and a few clock reads) after it started.
        Assert.Matches(@"^5eed0001\trestore-db\tfailed\tmanual\t-\t2025-11-15 02:00:0\d\t3\ds\trina\trestore$", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Equal(2, limited.Out.Trim().Split('\n').Length);
        Assert.Equal("No runs of runbook restart-api yet.", other.Out.Trim());
    }

    [Fact]
    public async Task One_run_shows_its_parameters_every_step_attempt_with_the_output_tail_indented_and_the_approvals()
    {
        using var ws = new Workspace(Plan("en"), Env);
        ws.Clock.AutoAdvanceAmount = TimeSpan.Zero; // the 30 s the failing step took, and nothing else
        await using (var store = await OpenAsync(ws)) await FailedAsync(store, ws, "5eed0001", "exit 3", "copying…\nno space left on /var");

        var r = await ws.Jaga("runbook", "runs", "5eed");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("""
            Run 5eed0001 of runbook restore-db: failed
            Started: 2025-11-15 02:00:00 by rina (trigger manual)
            Ended: 2025-11-15 02:00:30, after 30s
            Detail: step restore failed: exit 3
            Parameters:
              reason = db dropped
            Steps:
              1. go-ahead (approve), attempt 1: 2025-11-15 02:00:00 → 2025-11-15 02:00:00, succeeded: approved by rina, budi
                 approved by rina at 2025-11-15 02:00:00; note: checked the backup
                 approved by budi at 2025-11-15 02:00:00
              2. restore (run), attempt 1: 2025-11-15 02:00:00 → 2025-11-15 02:00:30, failed, exit code 3: exit 3
                   | copying…
                   | no space left on /var

            """, r.Out);
    }

    [Fact]
    public async Task Json_gives_the_runs_and_one_run_with_stored_words_and_iso_times()
    {
        using var ws = new Workspace(Plan("id"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await FailedAsync(store, ws, "5eed0001", "exit 3", "no space left");
            await WaitingAsync(store, ws, "3f9a0c12");
        }

        var list = JsonNode.Parse((await ws.Jaga("runbook", "runs", "--json")).Out)!["runs"]!.AsArray();
        var one = JsonNode.Parse((await ws.Jaga("runbook", "runs", "5eed0001", "--json")).Out)!;

        Assert.Equal(["3f9a0c12", "5eed0001"], list.Select(x => (string?)x!["id"]));
        Assert.Equal(["waitingapproval", "failed"], list.Select(x => (string?)x!["status"]));
        Assert.Equal(["go-ahead", "restore"], list.Select(x => (string?)x!["step"]));
        Assert.Matches(@"^2025-11-14T19:00:0\d\.0000000\+00:00$", (string?)one["started"]);
        Assert.Equal(("restore-db", "manual", "rina", "step restore failed: exit 3"), ((string?)one["runbook"], (string?)one["trigger"], (string?)one["started_by"], (string?)one["detail"]));
        Assert.Equal("db dropped", (string?)one["parameters"]!["reason"]);
        var steps = one["steps"]!.AsArray();
        Assert.Equal(["succeeded", "failed"], steps.Select(s => (string?)s!["outcome"]));
        Assert.Equal((1, "restore", "run", 1, 3, "no space left"),
            ((int)steps[1]!["index"]!, (string?)steps[1]!["name"], (string?)steps[1]!["kind"], (int)steps[1]!["attempt"]!, (int?)steps[1]!["exit_code"], (string?)steps[1]!["output_tail"]));
        var approvals = one["approvals"]!.AsArray();
        Assert.Equal(["rina", "budi"], approvals.Select(a => (string?)a!["by"]));
        Assert.Equal(("go-ahead", "checked the backup"), ((string?)approvals[0]!["step"], (string?)approvals[0]!["note"]));
        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse((string)approvals[0]!["at"]!, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public async Task In_Indonesian_the_statuses_and_outcomes_are_in_Indonesian()
    {
        using var ws = new Workspace(Plan("id"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await FailedAsync(store, ws, "5eed0001", "exit 3", "no space left");
            await WaitingAsync(store, ws, "3f9a0c12");
        }

        var list = await ws.Jaga("runbook", "runs");
        var one = await ws.Jaga("runbook", "runs", "5eed0001");
        var none = await ws.Jaga("runbook", "runs", "--runbook", "lain");

        Assert.Contains("ID\tRUNBOOK\tSTATUS\tPEMICU\tINSIDEN\tMULAI\tDURASI\tOLEH\tLANGKAH", list.Out, StringComparison.Ordinal);
        Assert.Contains("\tmenunggu persetujuan\t", list.Out, StringComparison.Ordinal);
        Assert.Contains("\tgagal\t", list.Out, StringComparison.Ordinal);
        Assert.Contains("Run 5eed0001 dari runbook restore-db: gagal", one.Out, StringComparison.Ordinal);
        Assert.Contains(", berhasil: approved by rina, budi", one.Out, StringComparison.Ordinal);
        Assert.Contains(", gagal, kode keluar 3: exit 3", one.Out, StringComparison.Ordinal);
        Assert.Contains("disetujui oleh rina pada ", one.Out, StringComparison.Ordinal);
        Assert.Equal("Belum ada run untuk runbook lain.", none.Out.Trim());
    }

    [Fact]
    public async Task A_secret_that_reached_the_store_is_masked_in_the_table_the_run_and_the_json()
    {
        // The executor masks before it stores; a secret added to the env file since, or a bug, must still never be shown.
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await FailedAsync(store, ws, "5eed0001", "curl -H 'Bearer tok-abcdef123456' failed", "auth tok-abcdef123456 refused\npostgres://app:pw-9xq2@db/app");
            await store.Runbooks.StartAsync(new RunbookRunStart("0dd10001", "restore-db", new Dictionary<string, string> { ["reason"] = "tok-abcdef123456" }, "manual", null, "rina"),
                Node, ws.Clock.GetUtcNow(), Lease);
        }

        var outputs = new[]
        {
            await ws.Jaga("runbook", "runs"), await ws.Jaga("runbook", "runs", "--json"),
            await ws.Jaga("runbook", "runs", "5eed0001"), await ws.Jaga("runbook", "runs", "5eed0001", "--json"),
            await ws.Jaga("runbook", "runs", "0dd10001"), await ws.Jaga("runbook", "runs", "0dd10001", "--json"),
        };

        Assert.All(outputs, r => Assert.True(r.Code == 0, r.ToString()));
        Assert.All(outputs, r => Assert.DoesNotContain("tok-abcdef123456", r.Out, StringComparison.Ordinal));
        Assert.All(outputs, r => Assert.DoesNotContain("pw-9xq2", r.Out, StringComparison.Ordinal));
        Assert.Contains("curl -H 'Bearer ***' failed", outputs[2].Out, StringComparison.Ordinal);
        Assert.Contains("       | auth *** refused", outputs[2].Out, StringComparison.Ordinal);
        Assert.Contains("  reason = ***", outputs[4].Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_runs_yet_and_a_limit_out_of_range()
    {
        using var ws = new Workspace(Plan("en"), Env);

        var none = await ws.Jaga("runbook", "runs");
        var zero = await ws.Jaga("runbook", "runs", "--limit", "0");

        Assert.Equal("No runbook runs yet.", none.Out.Trim());
        Assert.True(zero.Code == 2, zero.ToString());
        Assert.Contains("--limit: between 1 and 1000, not 0", zero.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_names_the_runs_waiting_for_an_approval_and_how_to_give_it()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await FailedAsync(store, ws, "5eed0001", "exit 3", "no space left");
            await WaitingAsync(store, ws, "3f9a0c12");
        }

        var text = await ws.Jaga("status");
        var json = await ws.Jaga("status", "--json");

        Assert.Contains("run 3f9a0c12 of runbook restore-db waits for approval: jaga runbook approve 3f9a0c12 --by NAME", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("5eed0001", text.Out, StringComparison.Ordinal);
        var waiting = Assert.Single(JsonNode.Parse(json.Out)!["runbooks_waiting"]!.AsArray());
        Assert.Equal("3f9a0c12", (string?)waiting!["run"]);
        Assert.Equal("restore-db", (string?)waiting["runbook"]);
    }
}
