using System.Text.RegularExpressions;
using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Testing;
using Jaga.Testing.Browser;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The issue's end-to-end run of the backups page: the real <c>jaga run</c> process on a free loopback port, a plan
/// with a real PostgreSQL database (its password in the source's URL) and a SQLite one; the daemon backs both up at start,
/// then a person signs in in Chromium, presses "Back up now" on the PostgreSQL job and reloads until its new backup is
/// listed; then runs a runbook from /emergency, approves its waiting step and watches it finish, and verifies the chain on
/// /log. Each act is one log line and one audit entry with the user's name; the password is in no page's HTML and not in
/// the log.</summary>
public sealed partial class DaemonBackupsPageTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const string Password = "pg-d4shb0ard-S3cret";

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-dashboard-backups-").FullName;
    private readonly int port = Loopback.FreePort();

    [Fact]
    public async Task A_person_runs_a_backup_from_the_button_approves_a_runbook_step_and_verifies_the_chain_of_the_real_daemon()
    {
        var url = await postgres.CreateDatabaseAsync(Password);
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        await using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(dir, "data", "app.db")};Pooling=False"))
        {
            await sqlite.OpenAsync();
            await using var create = sqlite.CreateCommand();
            create.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('halo');";
            await create.ExecuteNonQueryAsync();
        }
        var planPath = Path.Combine(dir, "jaga.yaml");
        await File.WriteAllTextAsync(planPath, $$"""
            version: 1
            project: dashboard
            timezone: UTC
            language: en
            state: .jaga/state.db
            listen: 127.0.0.1:{{port}}
            log: { file: logs/maintenance.log }
            destinations:
              local: { path: backup/ }
            backup:
              - { name: db, source: { postgres: "${SHOP_DATABASE_URL}" }, schedule: "0 2 * * *", to: [local] }
              - { name: app, source: { sqlite: data/app.db }, schedule: "0 3 * * *", to: [local] }
            emergency:
              runbooks:
                - name: ship-fix
                  steps:
                    - { name: say, run: "echo shipping" }
                    - { name: agree, approve: "Ship it?" }
                    - { name: done, run: "echo shipped" }

            """);
        using var daemon = new RunningJaga(planPath, dir, ["run"], new Dictionary<string, string> { ["SHOP_DATABASE_URL"] = url });
        var file = Path.Combine(dir, ".jaga", "dashboard-admin.txt");
        await UntilAsync(() => Task.FromResult(daemon.HasExited || daemon.Output.Contains(file, StringComparison.Ordinal)), () => daemon.Output);
        var admin = AdminPassword().Match(await File.ReadAllTextAsync(file)).Groups[1].Value;

        await using var chromium = await HeadlessChromium.StartAsync();
        await using var context = await chromium.ContextAsync(Viewport.Desktop, ColorScheme.Light, $"http://127.0.0.1:{port}/");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backups");
        await page.GetByLabel("Name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(admin);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"http://127.0.0.1:{port}/backups", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var db = page.Locator("section.backup-job", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "db", Exact = true }) });
        var app = page.Locator("section.backup-job", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "app", Exact = true }) });
        var dbRows = db.Locator("tbody tr");
        // Both jobs never ran: the daemon backs them up at start.
        await ReloadUntilAsync(page, async () => await dbRows.CountAsync() == 1 && await app.Locator("tbody tr").CountAsync() == 1
            && await page.GetByText("running now").CountAsync() == 0);
        Assert.Contains("complete", await dbRows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("complete", await app.Locator("tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);

        await db.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
        Assert.Contains("The backup of db started", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await ReloadUntilAsync(page, async () => await dbRows.CountAsync() == 2 && await db.GetByText("running now").CountAsync() == 0);
        Assert.Contains("complete", await dbRows.First.InnerTextAsync(), StringComparison.Ordinal);
        await PageShots.SaveAsync(page, "backups-daemon", Viewport.Desktop, ColorScheme.Light);

        // A runbook from /emergency whose second step waits for a person: run it, approve it, watch it finish.
        await page.GotoAsync("/emergency");
        var card = page.Locator("article", new() { Has = page.Locator("#runbook-ship-fix") });
        await card.GetByRole(AriaRole.Button, new() { Name = "Run…" }).ClickAsync();
        await page.WaitForURLAsync("**/emergency/run?**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByRole(AriaRole.Button, new() { Name = "Run ship-fix now" }).ClickAsync();
        await page.WaitForURLAsync("**/emergency#run-*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var run = new Uri(page.Url).Fragment["#run-".Length..];
        var waiting = page.GetByRole(AriaRole.Heading, new() { Name = $"Run {run} of ship-fix waits at step agree" });
        await ReloadUntilAsync(page, async () => await waiting.CountAsync() == 1);
        await page.Locator("article", new() { Has = waiting }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForURLAsync("**/emergency/approve", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains($"Approved step agree of run {run}", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/emergency");
        var finished = page.Locator($"#run-{run} .em-status", new() { HasText = "succeeded" });
        await ReloadUntilAsync(page, async () => await finished.CountAsync() == 1);
        Assert.Contains("approved by admin at", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PageShots.SaveAsync(page, "emergency-daemon", Viewport.Desktop, ColorScheme.Light);

        // "Verify chain" on /log: the whole chain the daemon wrote, the backups' and the runbook's entries with it.
        await page.GotoAsync("/log");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
        await page.WaitForURLAsync("**/log#chain", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var intact = page.Locator(".chain-result .intact");
        await ReloadUntilAsync(page, async () => await intact.CountAsync() == 1);
        Assert.Contains("by admin", await page.Locator(".chain-result").InnerTextAsync(), StringComparison.Ordinal);
        await PageShots.SaveAsync(page, "log-daemon", Viewport.Desktop, ColorScheme.Light);

        var seen = new List<string> { await page.ContentAsync() };
        foreach (var path in new[] { "/", "/backups?all=db", "/users", "/emergency" })
        {
            await page.GotoAsync(path);
            seen.Add(await page.ContentAsync());
        }
        Assert.All(seen, html => Assert.DoesNotContain(Password, html, StringComparison.Ordinal));
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var log = await File.ReadAllTextAsync(Path.Combine(dir, "logs", "maintenance.log"));
        var lines = log.Split('\n');
        Assert.Single(lines, l => l.Contains("[INFO] admin started a backup of db from the dashboard", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains($"runbook ship-fix: run {run} ", StringComparison.Ordinal) && l.Contains(" by admin ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains($"Step agree of runbook ship-fix (run {run}) approved by admin", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[INFO] Audit chain verified:", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, log + daemon.Output, StringComparison.Ordinal);

        // One audit entry for each act, with the user who did it.
        var acts = await ActsAsync();
        Assert.Equal("admin", Assert.Single(acts, a => a.Kind == DashboardBackupStarted.AuditKind).Actor);
        Assert.Equal("admin", Assert.Single(acts, a => a.Kind == RunbookApproved.AuditKind).Actor);
        Assert.Equal("admin", acts.First(a => a.Kind == RunbookRunStarted.AuditKind).Actor);
        Assert.Equal("admin", Assert.Single(acts, a => a.Kind == AuditVerified.AuditKind).Actor);
    }

    /// <summary>The audit chain as the stopped daemon left it in its state store: each entry's kind and actor.</summary>
    private async Task<List<(string Kind, string Actor)>> ActsAsync()
    {
        await using var store = new SqliteConnection($"Data Source={Path.Combine(dir, ".jaga", "state.db")};Mode=ReadOnly;Pooling=False");
        await store.OpenAsync();
        await using var read = store.CreateCommand();
        read.CommandText = "SELECT kind, actor FROM audit ORDER BY seq";
        await using var rows = await read.ExecuteReaderAsync();
        var acts = new List<(string, string)>();
        while (await rows.ReadAsync()) acts.Add((rows.GetString(0), rows.GetString(1)));
        return acts;
    }

    /// <summary>Reloads until <paramref name="done"/>, for at most 90 s (a backup of a real database by the real process).</summary>
    private static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> done) =>
        await UntilAsync(async () =>
        {
            if (await done()) return true;
            await Task.Delay(300, CancellationToken.None);
            await page.ReloadAsync();
            return false;
        }, () => page.Locator("main").InnerTextAsync().GetAwaiter().GetResult());

    private static async Task UntilAsync(Func<Task<bool>> done, Func<string> said)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await done())
        {
            if (limit.IsCancellationRequested) Assert.Fail("not within 90 s:\n" + said());
            await Task.Delay(200, CancellationToken.None);
        }
    }

    [GeneratedRegex(@"with password (\S+) \(shown once")]
    private static partial Regex AdminPassword();

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
