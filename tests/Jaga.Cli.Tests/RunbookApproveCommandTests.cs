using System.Text.Json.Nodes;
using Jaga.Core.Ports;

using static Jaga.Cli.Tests.RunbookRunSeed;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga runbook approve</c> in-process over a real SQLite store seeded as the executor records runs: two different
/// people make two approvals, each with one log line and audit entry and a line on the run's incident; the same person twice,
/// an unknown run and a run not waiting are exit 2; in English and Indonesian.</summary>
public sealed class RunbookApproveCommandTests
{
    [Fact]
    public async Task Two_people_approve_a_two_person_step_each_recorded_once_and_the_same_person_twice_is_exit_2()
    {
        using var ws = new Workspace(Plan("en"), Env);
        long incident;
        await using (var store = await OpenAsync(ws))
        {
            incident = (await store.Incidents.OpenAsync("check:db", "Database is gone", "alert", ws.Clock.GetUtcNow(), Node)).Incident.Id;
            await WaitingAsync(store, ws, "3f9a0c12", incident);
        }

        var first = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "rina", "--note", "backup of 02:00 checked");
        var twice = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "rina");
        var second = await ws.Jaga("runbook", "approve", "3f9a", "--by", "budi", "--json");

        Assert.True(first.Code == 0, first.ToString());
        Assert.Equal("Approved step go-ahead of run 3f9a0c12 (1 of 2); 1 more approval(s) needed, each from someone else", first.Out.Trim());
        Assert.True(twice.Code == 2, twice.ToString());
        Assert.Contains("jaga: rina already approved step go-ahead of run 3f9a0c12", twice.Err, StringComparison.Ordinal);
        Assert.Contains("hint: a second approval must come from someone else (--by NAME)", twice.Err, StringComparison.Ordinal);
        Assert.True(second.Code == 0, second.ToString());
        var json = JsonNode.Parse(second.Out)!;
        Assert.Equal(("3f9a0c12", "go-ahead", "budi", 2, 2), ((string?)json["run"], (string?)json["step"], (string?)json["by"], (int)json["approvals"]!, (int?)json["needed"]));
        Assert.Equal(["rina", "budi"], json["approved_by"]!.AsArray().Select(x => (string?)x));
        Assert.True((bool)json["driven"]!);

        var lines = File.ReadAllLines(ws.LogPath);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Step go-ahead of runbook restore-db (run 3f9a0c12) approved by rina (1 of 2); note: backup of 02:00 checked", lines[0], StringComparison.Ordinal);
        Assert.Contains("Step go-ahead of runbook restore-db (run 3f9a0c12) approved by budi (2 of 2)", lines[1], StringComparison.Ordinal);
        var log = JsonNode.Parse((await ws.Jaga("log", "--json")).Out)!.AsArray();
        Assert.Equal(["rina", "budi"], log.Where(e => (string?)e!["kind"] == "runbook.approve").Select(e => (string?)e!["actor"]));
        Assert.True((await ws.Jaga("audit", "verify")).Code == 0);
        await using (var store = await OpenAsync(ws))
        {
            var approvals = await store.Runbooks.ApprovalsAsync("3f9a0c12", 0);
            Assert.Equal(["rina", "budi"], approvals.Select(a => a.By));
            Assert.Equal("backup of 02:00 checked", approvals[0].Note);
            var timeline = await store.Incidents.TimelineAsync(incident);
            Assert.Equal(2, timeline.Count(e => e.Kind == IncidentEventKind.Approved));
            Assert.Contains(timeline, e => e.Kind == IncidentEventKind.Approved && e.Text.Contains("approved by budi (2 of 2)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_real_run_waiting_at_a_two_person_step_goes_on_once_two_different_people_approved_it()
    {
        using var ws = new Workspace(Plan("en"), Env);

        var running = ws.Jaga("runbook", "run", "restore-db", "--param", "reason=drill", "--yes");
        var run = await WaitingRunAsync(ws, running);
        var first = await ws.Jaga("runbook", "approve", run, "--by", "rina");
        var again = await ws.Jaga("runbook", "approve", run, "--by", "rina");
        var second = await ws.Jaga("runbook", "approve", run, "--by", "budi");
        var done = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(first.Code == 0, first.ToString());
        Assert.StartsWith($"Approved step go-ahead of run {run} (1 of 2); 1 more approval(s) needed", first.Out, StringComparison.Ordinal);
        Assert.True(again.Code == 2, again.ToString());
        Assert.True(second.Code == 0, second.ToString());
        Assert.StartsWith($"Approved step go-ahead of run {run} (2 of 2); enough approvals", second.Out, StringComparison.Ordinal);
        Assert.True(done.Code == 0, done.ToString());
        await using var store = await OpenAsync(ws);
        Assert.Equal(RunbookRunStatus.Succeeded, (await store.Runbooks.GetAsync(run))!.Status);
        var steps = await store.Runbooks.StepsAsync(run);
        Assert.Equal([StepAttemptOutcome.Succeeded, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome));
        var shown = await ws.Jaga("runbook", "runs", run);
        Assert.Contains($"Run {run} of runbook restore-db: succeeded", shown.Out, StringComparison.Ordinal);
        Assert.Matches(@"\n     approved by rina at [^\n]+\n     approved by budi at ", shown.Out);
        Assert.Contains("       | restoring", shown.Out, StringComparison.Ordinal);
    }

    /// <summary>The id of the run <paramref name="running"/> started, once it waits for approval (real time: the executor
    /// polls the store every second).</summary>
    private static async Task<string> WaitingRunAsync(Workspace ws, Task<JagaResult> running)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (running.IsCompleted) Assert.Fail($"the run ended before it waited for approval:\n{await running}");
            if (File.Exists(ws.StatePath))
            {
                await using var store = await OpenAsync(ws);
                if ((await store.Runbooks.ListAsync(null, 1)).FirstOrDefault(r => r.Status == RunbookRunStatus.WaitingApproval) is { } waiting) return waiting.Id;
            }
            await Task.Delay(100);
        }
        Assert.Fail("no run waited for approval within 60 s");
        return "";
    }

    [Fact]
    public async Task Enough_approvals_say_the_run_continues_and_a_run_nobody_drives_says_to_resume_it()
    {
        using var ws = new Workspace(Plan("en", approvals: 1), Env);
        await using (var store = await OpenAsync(ws))
        {
            await WaitingAsync(store, ws, "aaaa0001");
            await WaitingAsync(store, ws, "bbbb0002");
            // The executor died while it waited: its lease ran out (a resume counts the approval).
            Assert.True(await store.Runbooks.SetStatusAsync("bbbb0002", Node, RunbookRunStatus.Interrupted, ws.Clock.GetUtcNow(), "killed"));
        }

        var driven = await ws.Jaga("runbook", "approve", "aaaa0001", "--by", "rina");
        var interrupted = await ws.Jaga("runbook", "approve", "bbbb0002", "--by", "rina");
        ws.Clock.Advance(TimeSpan.FromMinutes(10));
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "cccc0003");
        ws.Clock.Advance(Lease + TimeSpan.FromMinutes(1));
        var expired = await ws.Jaga("runbook", "approve", "cccc0003", "--by", "rina");

        Assert.Equal("Approved step go-ahead of run aaaa0001 (1 of 1); enough approvals: the run continues", driven.Out.Trim());
        Assert.True(interrupted.Code == 0, interrupted.ToString());
        Assert.Equal("Approved step go-ahead of run bbbb0002 (1 of 1); enough approvals: continue the run with jaga runbook resume bbbb0002", interrupted.Out.Trim());
        Assert.Equal("Approved step go-ahead of run cccc0003 (1 of 1); enough approvals: continue the run with jaga runbook resume cccc0003", expired.Out.Trim());
    }

    [Fact]
    public async Task A_step_the_plan_no_longer_has_is_still_approved_with_the_count_unknown()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "3f9a0c12");
        File.WriteAllText(ws.PlanPath, Plan("en").Replace("name: go-ahead", "name: ask-first", StringComparison.Ordinal));

        var r = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "rina");
        var json = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "budi", "--json");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("Approved step go-ahead of run 3f9a0c12 (1 so far; the plan no longer has this approve step, so the number needed is unknown); "
            + "the run continues once its step has as many approvals as it needs", r.Out.Trim());
        Assert.Null(JsonNode.Parse(json.Out)!["needed"]);
        Assert.Contains("approved by rina (1 so far; the number needed is unknown)", File.ReadAllLines(ws.LogPath)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_by_the_approver_is_the_user_name_of_the_session()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "3f9a0c12");

        var r = await ws.Jaga("runbook", "approve", "3f9a0c12", "--json");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(Environment.UserName, (string?)JsonNode.Parse(r.Out)!["by"]);
    }

    [Theory]
    [InlineData("en", "jaga: no runbook run '0badc0de'", "hint: 'jaga runbook runs' lists the runs and their ids")]
    [InlineData("id", "jaga: tidak ada run runbook '0badc0de'", "hint: 'jaga runbook runs' menampilkan run dan id-nya")]
    public async Task An_unknown_run_is_exit_2_naming_jaga_runbook_runs_and_records_nothing(string language, string message, string hint)
    {
        using var ws = new Workspace(Plan(language), Env);
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "3f9a0c12");

        foreach (var args in new[] { new[] { "approve", "0badc0de" }, ["approve", "0bad"], ["runs", "0badc0de"] })
        {
            var r = await ws.Jaga(["runbook", .. args]);
            Assert.True(r.Code == 2, r.ToString());
            Assert.Contains(message.Replace("0badc0de", args[1], StringComparison.Ordinal), r.Err, StringComparison.Ordinal);
            Assert.Contains(hint, r.Err, StringComparison.Ordinal);
        }
        var invalid = await ws.Jaga("runbook", "approve", "3f9");
        Assert.True(invalid.Code == 2, invalid.ToString());
        Assert.Contains("'3f9'", invalid.Err, StringComparison.Ordinal);
        var huge = await ws.Jaga("runbook", "approve", new string('z', 100_000));
        Assert.True(huge.Code == 2, huge.ToString());
        Assert.Contains("… (100000 characters)'", huge.Err, StringComparison.Ordinal);
        Assert.True(huge.Err.Length < 1000, huge.Err.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(File.Exists(ws.LogPath));
    }

    [Fact]
    public async Task A_start_of_an_id_shared_by_two_runs_is_exit_2_naming_both()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws))
        {
            await WaitingAsync(store, ws, "3f9a0c12");
            await WaitingAsync(store, ws, "3f9a7777");
        }

        var r = await ws.Jaga("runbook", "approve", "3f9a", "--by", "rina");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("'3f9a' is the start of several runs: ", r.Err, StringComparison.Ordinal);
        Assert.Contains("3f9a0c12", r.Err, StringComparison.Ordinal);
        Assert.Contains("3f9a7777", r.Err, StringComparison.Ordinal);
        Assert.Contains("hint: give more digits of the run id", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "jaga: run 5eed0001 is not waiting for an approval (status failed)", "hint: 'jaga runbook runs 5eed0001' shows its steps")]
    [InlineData("id", "jaga: run 5eed0001 tidak sedang menunggu persetujuan (status gagal)", "hint: 'jaga runbook runs 5eed0001' menampilkan langkah-langkahnya")]
    public async Task A_run_not_waiting_at_an_approve_step_is_exit_2_with_its_status_in_the_plans_language(string language, string message, string hint)
    {
        using var ws = new Workspace(Plan(language), Env);
        await using (var store = await OpenAsync(ws)) await FailedAsync(store, ws, "5eed0001", "exit 3", "no space left");

        var r = await ws.Jaga("runbook", "approve", "5eed0001", "--by", "sari");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Contains(hint, r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(ws.LogPath));
    }

    [Fact]
    public async Task In_Indonesian_the_approval_and_its_log_line_are_in_Indonesian()
    {
        using var ws = new Workspace(Plan("id"), Env);
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "3f9a0c12");

        var r = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "rina", "--note", "sudah dicek");

        Assert.Equal("Langkah go-ahead run 3f9a0c12 disetujui (1 dari 2); masih perlu 1 persetujuan lagi, masing-masing dari orang lain", r.Out.Trim());
        Assert.Contains("Langkah go-ahead runbook restore-db (run 3f9a0c12) disetujui oleh rina (1 dari 2); catatan: sudah dicek", File.ReadAllLines(ws.LogPath)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_a_note_or_name_is_masked_in_the_output_the_log_and_the_store()
    {
        using var ws = new Workspace(Plan("en"), Env);
        await using (var store = await OpenAsync(ws)) await WaitingAsync(store, ws, "3f9a0c12");

        var r = await ws.Jaga("runbook", "approve", "3f9a0c12", "--by", "rina tok-abcdef123456", "--note", "token tok-abcdef123456 rotated", "--json");

        Assert.True(r.Code == 0, r.ToString());
        Assert.DoesNotContain("tok-abcdef123456", r.Out, StringComparison.Ordinal);
        Assert.Contains("token *** rotated", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-abcdef123456", File.ReadAllText(ws.LogPath), StringComparison.Ordinal);
        await using var after = await OpenAsync(ws);
        var approval = Assert.Single(await after.Runbooks.ApprovalsAsync("3f9a0c12", 0));
        Assert.Equal(("rina ***", "token *** rotated"), (approval.By, approval.Note));
    }
}
