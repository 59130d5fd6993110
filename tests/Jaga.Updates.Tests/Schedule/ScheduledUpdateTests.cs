using System.IO.Compression;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;
using Jaga.Sqlite;
using Jaga.Testing;
using Jaga.Updates.Tests.Apply;

namespace Jaga.Updates.Tests.Schedule;

/// <summary><c>jaga run --once</c> carrying out <c>update:</c> as a user runs it from cron, in a child process: a real .NET
/// project restored from a folder feed made by <c>dotnet pack</c> (Acme.Calc 1.0.0, 1.0.1, and 2.0.0 whose Add multiplies),
/// OSV data imported from zips written for the test, the plan's test <c>dotnet run</c>.</summary>
[Trait("Category", "Integration")]
public sealed class ScheduledUpdateTests(AcmeFeed feed) : IClassFixture<AcmeFeed>
{
    /// <summary>A HIGH advisory written for the test: Acme.Calc before 1.0.1.</summary>
    private const string CalcAdvisory = """
        {
          "schema_version": "1.4.0",
          "id": "GHSA-jaga-calc-0001",
          "modified": "2026-12-01T00:00:00Z",
          "published": "2026-12-01T00:00:00Z",
          "aliases": ["CVE-2026-99001"],
          "summary": "Acme.Calc.Add overflows silently",
          "affected": [
            {
              "package": { "ecosystem": "NuGet", "name": "Acme.Calc" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "1.0.1" } ] } ]
            }
          ],
          "database_specific": { "severity": "HIGH" }
        }
        """;

    [Fact]
    public async Task Run_once_audits_applies_the_patches_the_policy_allows_logs_each_and_status_lists_the_update_jobs()
    {
        await using var w = await ConsumerAsync();
        var plan = Plan(w, "{ security: immediate, patch: auto, minor: review, major: manual }", "dotnet run");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");

        var run = await JagaAsync(plan, "run", "--once");

        Assert.True(run.Code == 0, run.Output);
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Acme.Text\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        var log = Log(plan);
        Assert.Contains("[INFO] Dependency audit: 2 packages, 2 outdated, 0 vulnerable, 2 to apply, 0 waiting for review", log);
        Assert.Contains("[INFO] Update dependency: Acme.Calc==1.0.1", log);
        Assert.Contains("[INFO] Update dependency: Acme.Text==1.0.1", log);
        Assert.DoesNotContain(log, l => l.Contains("New advisory data", StringComparison.Ordinal));

        var status = await JagaAsync(plan, "status", "--json");
        Assert.True(status.Code == 0, status.Output);
        var jobs = JsonNode.Parse(status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..])!["jobs"]!.AsArray().ToDictionary(j => (string)j!["job"]!);
        var scheduled = jobs["update:scheduled"]!;
        Assert.Equal(("update", "0 3 * * 1", "succeeded"), ((string?)scheduled["kind"], (string?)scheduled["schedule"], (string?)scheduled["result"]));
        Assert.Equal("2 package(s) audited; 2 update(s) applied, 0 waiting for review", (string?)scheduled["detail"]);
        Assert.True(DateTimeOffset.Parse((string)scheduled["next_due"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        // The watch has had nothing to act on: it never ran, and waits for new advisory data.
        var watch = jobs["update:security"]!;
        Assert.Equal(("security_watch", "every 5m"), ((string?)watch["kind"], (string?)watch["schedule"]));
        Assert.Null((string?)watch["result"]);

        var table = await JagaAsync(plan, "status");
        Assert.Contains("update:scheduled", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_breaks_the_tests_is_rolled_back_byte_for_byte_and_the_run_fails_with_the_reason_in_the_log()
    {
        await using var w = await ConsumerAsync();
        var plan = Plan(w, "{ security: immediate, patch: manual, minor: manual, major: auto }", "dotnet run");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");
        var before = w.Tree();

        var run = await JagaAsync(plan, "run", "--once");

        Assert.True(run.Code == 1, run.Output);
        Assert.Equal(before, w.Tree());
        var log = Log(plan);
        var rolledBack = Assert.Single(log, l => l.StartsWith("[WARN] Update rolled back: Acme.Calc==2.0.0: the tests failed (exit code 1, accepted: 0): ", StringComparison.Ordinal));
        Assert.EndsWith("FAIL: Add(2, 3) returned 6, expected 5", rolledBack, StringComparison.Ordinal);
        Assert.Contains("[WARN] Update run update:scheduled FAILED: rolled back: Acme.Calc==2.0.0", log);
        Assert.DoesNotContain(log, l => l.Contains("Update dependency", StringComparison.Ordinal));
    }

    [Fact]
    public async Task New_advisory_data_between_scheduled_runs_has_its_immediate_security_fix_applied_offline_once()
    {
        await using var w = await ConsumerAsync();
        // Patches wait for a person: only the security policy applies anything here.
        var plan = Plan(w, "{ security: immediate, patch: manual, minor: manual, major: manual }", "dotnet run");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");
        var first = await JagaAsync(plan, "run", "--once");
        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.0\" />", w.Read("App.csproj"), StringComparison.Ordinal);

        // The advisory arrives after the weekly run: the next run does not wait for next Monday.
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr", CalcAdvisory);
        var second = await JagaAsync(plan, "run", "--once");

        Assert.True(second.Code == 0, second.Output);
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Acme.Text\" Version=\"1.0.0\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        var log = Log(plan);
        Assert.Single(log, l => l.StartsWith("[INFO] New advisory data (NuGet ", StringComparison.Ordinal) && l.EndsWith("): re-auditing offline to apply security fixes now", StringComparison.Ordinal));
        Assert.Contains("[WARN] Dependency audit: 2 packages, 2 outdated, 1 vulnerable, 1 to apply, 0 waiting for review", log);
        Assert.Contains("[INFO] Update dependency: Acme.Calc==1.0.1", log);
        var status = await JagaAsync(plan, "status", "--json");
        var jobs = JsonNode.Parse(status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..])!["jobs"]!.AsArray().ToDictionary(j => (string)j!["job"]!);
        Assert.Equal("succeeded", (string?)jobs["update:security"]!["result"]);

        // Nothing new since: the watch does not audit again.
        var third = await JagaAsync(plan, "run", "--once");
        Assert.True(third.Code == 0, third.Output);
        Assert.Single(Log(plan), l => l.Contains("New advisory data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_daemon_stopped_while_an_update_is_tested_puts_every_file_back_and_logs_no_update()
    {
        await using var w = await ConsumerAsync();
        // The project's tests hang once the patch is in, as a suite that deadlocks with a new version; they mark the moment.
        var testing = Path.Combine(w.Dir, "testing");
        w.Write("hang.py", $"import time\nif 'Version=\"1.0.1\"' in open('App.csproj').read():\n    open({System.Text.Json.JsonSerializer.Serialize(testing)}, 'w').close()\n    time.sleep(300)\n");
        var before = w.Tree();
        var plan = Plan(w, "{ security: immediate, patch: auto, minor: manual, major: manual }", "python3 hang.py",
            $"listen: 127.0.0.1:{Loopback.FreePort()}\nscheduler: {{ shutdown_timeout: 2s }}\n");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");

        using var daemon = new RunningJaga(plan, Path.GetDirectoryName(plan)!, ["run"], feed.Env);
        for (var waited = 0; !File.Exists(testing); waited++)
        {
            Assert.True(waited < 600 && !daemon.HasExited, "the update's test never started:\n" + daemon.Output);
            await Task.Delay(500);
        }
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(daemon.ExitCode == 0, daemon.Output);
        // The rollback record under .jaga/ is gone too: the tree holds no file it did not hold before.
        Assert.Equal(before, w.Tree());
        var log = Log(plan);
        Assert.Contains("[WARN] update:scheduled interrupted by shutdown before it finished; recorded as interrupted", log);
        Assert.DoesNotContain(log, l => l.Contains("Update dependency", StringComparison.Ordinal));
        var status = await JagaAsync(plan, "status", "--json");
        var jobs = JsonNode.Parse(status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..])!["jobs"]!.AsArray().ToDictionary(j => (string)j!["job"]!);
        Assert.Equal("interrupted", (string?)jobs["update:scheduled"]!["result"]);
    }

    [Fact]
    public async Task The_daemon_applies_an_immediate_security_fix_within_minutes_of_an_import_without_waiting_for_the_schedule()
    {
        await using var w = await ConsumerAsync();
        var plan = Plan(w, "{ security: immediate, patch: manual, minor: manual, major: manual }", "dotnet run", $"listen: 127.0.0.1:{Loopback.FreePort()}");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");
        using var daemon = new RunningJaga(plan, Path.GetDirectoryName(plan)!, ["run"], feed.Env);
        // The scheduled run never ran: it runs as the daemon starts, and finds nothing the policy applies by itself.
        await UntilAsync(() => Logged(plan, "[INFO] Dependency audit: 2 packages, 2 outdated, 0 vulnerable, 0 to apply"), daemon);
        var status = await JagaAsync(plan, "status", "--json");
        Assert.Contains("\"update:scheduled\"", status.Output, StringComparison.Ordinal);

        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr", CalcAdvisory);
        await UntilAsync(() => Logged(plan, "[INFO] Update dependency: Acme.Calc==1.0.1"), daemon);
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(daemon.ExitCode == 0, daemon.Output);
        Assert.Contains("<PackageReference Include=\"Acme.Calc\" Version=\"1.0.1\" />", w.Read("App.csproj"), StringComparison.Ordinal);
        var log = Log(plan);
        Assert.Single(log, l => l.StartsWith("[INFO] New advisory data (NuGet ", StringComparison.Ordinal));
        Assert.Equal(2, log.Count(l => l.Contains("] Dependency audit: ", StringComparison.Ordinal)));
    }

    private static bool Logged(string plan, string start) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(plan)!, "logs", "maintenance.log")) && Log(plan).Any(l => l.StartsWith(start, StringComparison.Ordinal));

    /// <summary>Waits up to four minutes: the watch looks for new data every minute, then audits and runs the tests.</summary>
    private static async Task UntilAsync(Func<bool> done, RunningJaga daemon)
    {
        for (var waited = 0; !done(); waited++)
        {
            Assert.True(waited < 1200 && !daemon.HasExited, "not in the log in time:\n" + daemon.Output);
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task With_os_packages_the_scheduled_run_reads_this_machine_s_pending_apt_updates_and_installs_none()
    {
        await using var w = await ConsumerAsync();
        var plan = Plan(w, "{ security: immediate, patch: manual, minor: manual, major: manual }", "dotnet run", "  os_packages: true");
        await ImportAsync(w, plan, "GHSA-5crp-9r3c-p9vr");
        var security = await Patches.OsPatchesTests.CountAsync("grep '^Inst' | grep -c -- '-security'");

        var run = await JagaAsync(plan, "run", "--once");

        // A pending security update is left to root (jaga patches --apply --security-only): the run says so and fails.
        Assert.True(run.Code == (security > 0 ? 1 : 0), run.Output);
        var log = Log(plan);
        Assert.Single(log, l => l.StartsWith(security > 0 ? "[WARN] OS patches: " : "[INFO] OS patches: ", StringComparison.Ordinal)
            && l.Contains($" update(s) pending, {security} of them security", StringComparison.Ordinal));
        if (security > 0)
            Assert.Contains($"[WARN] Update run update:scheduled FAILED: {security} OS security update(s) pending: sudo jaga patches --apply --security-only", log);
        Assert.DoesNotContain(log, l => l.Contains("Security patch applied", StringComparison.Ordinal));
        // The reading feeds the state store as `jaga patches` does: the updates check sees the daemon's readings too.
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(Path.GetDirectoryName(plan)!, ".jaga", "state.db"), TimeProvider.System);
        var mark = Assert.Single(await store.Security.ReadingsAsync(), m => m.Source == SecurityFindingSource.OsPackage);
        Assert.Equal((true, security), (mark.Complete, mark.Findings));
        Assert.Equal(security, (await store.Security.PendingAsync()).Count(f => f.Source == SecurityFindingSource.OsPackage));
    }

    private async Task<UpdateWorkspace> ConsumerAsync()
    {
        var w = await UpdateWorkspace.CreateAsync();
        await feed.ConsumerAsync(w);
        return w;
    }

    /// <summary>A plan beside the project (in its own folder, so the project holds only its own files).</summary>
    private static string Plan(UpdateWorkspace w, string policy, string test, string more = "")
    {
        var dir = Directory.CreateDirectory(Path.Combine(w.Dir, "ops")).FullName;
        var path = Path.Combine(dir, "jaga.yaml");
        File.WriteAllText(path, $"""
            version: 1
            project: shop
            log: {"{"} file: logs/maintenance.log {"}"}
            update:
              schedule: "0 3 * * 1"
              root: ../project
              policy: {policy}
              test: "{test}"
              test_timeout: 5m
            {more}
            """);
        return path;
    }

    /// <summary><c>jaga deps db update --from</c> a NuGet dump of the named advisories (files of tests/Osv, or JSON texts).</summary>
    private async Task ImportAsync(UpdateWorkspace w, string plan, params string[] advisories)
    {
        var zip = Path.Combine(w.Dir, $"nuget-{Guid.NewGuid():N}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (a, i) in advisories.Select((a, i) => (a, i)))
            {
                if (a.StartsWith('{')) await using (var s = new StreamWriter(archive.CreateEntry($"advisory-{i}.json").Open())) await s.WriteAsync(a);
                else archive.CreateEntryFromFile(Path.Combine(AppContext.BaseDirectory, "Osv", a + ".json"), a + ".json");
            }
        }
        var import = await JagaAsync(plan, "deps", "db", "update", "--from", zip);
        Assert.True(import.Code == 0, import.Output);
    }

    private async Task<(int Code, string Output)> JagaAsync(string plan, params string[] args)
    {
        using var jaga = new RunningJaga(plan, Path.GetDirectoryName(plan)!, args, feed.Env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(5));
        return (jaga.ExitCode, jaga.Output);
    }

    /// <summary>The maintenance log's messages, time stamps left out.</summary>
    private static string[] Log(string plan) =>
        [.. File.ReadAllLines(Path.Combine(Path.GetDirectoryName(plan)!, "logs", "maintenance.log")).Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..])];
}
