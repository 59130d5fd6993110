using System.Text.RegularExpressions;
using Jaga.Testing;
using Jaga.Testing.Browser;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The issue's end-to-end run of the backups page: the real <c>jaga run</c> process on a free loopback port, a plan
/// with a real PostgreSQL database (its password in the source's URL) and a SQLite one; the daemon backs both up at start,
/// then a person signs in in Chromium, presses "Back up now" on the PostgreSQL job and reloads until its new backup is
/// listed. The password is in no page's HTML and not in the log.</summary>
public sealed partial class DaemonBackupsPageTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private const string Password = "pg-d4shb0ard-S3cret";

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-dashboard-backups-").FullName;
    private readonly int port = Loopback.FreePort();

    [Fact]
    public async Task A_person_runs_a_backup_of_the_postgres_job_from_the_button_and_watches_it_appear()
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

        var seen = new List<string> { await page.ContentAsync() };
        foreach (var path in new[] { "/", "/backups?all=db", "/users" })
        {
            await page.GotoAsync(path);
            seen.Add(await page.ContentAsync());
        }
        Assert.All(seen, html => Assert.DoesNotContain(Password, html, StringComparison.Ordinal));
        await daemon.TerminateAsync();
        var log = await File.ReadAllTextAsync(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Single(log.Split('\n'), l => l.Contains("[INFO] admin started a backup of db from the dashboard", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, log + daemon.Output, StringComparison.Ordinal);
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
