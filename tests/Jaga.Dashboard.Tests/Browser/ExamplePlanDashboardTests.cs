using System.Text.RegularExpressions;
using Jaga.Testing;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The issue's "done when", as a newcomer meets it: the README's main command (<c>jaga run</c> on the example plan,
/// here a copy of it on a free port) prints where the admin's password is; signed in through the form in Chromium, every
/// page of the navigation answers, in the plan's language (Indonesian), and shows the example's backups, checks, log and
/// checklist live; no demo secret of its .env.production reaches any page.</summary>
public sealed partial class ExamplePlanDashboardTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    private readonly string repository = Directory.CreateTempSubdirectory("jaga-example-dashboard-").FullName;

    [Fact]
    public async Task The_readme_command_leads_to_a_sign_in_and_every_page_shows_the_example_plan_live()
    {
        var folder = ExamplePlan.CopyTo(repository);
        var port = Loopback.FreePort();
        var plan = Path.Combine(folder, "jaga.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("127.0.0.1:8080", $"127.0.0.1:{port}", StringComparison.Ordinal));
        var secrets = new[] { "demo-password-not-real", "demo-secret-key-not-real", "demo-access-key", "demo-token" };

        using var daemon = new RunningJaga(plan, folder, ["run"]);
        var file = Path.Combine(folder, ".jaga", "dashboard-admin.txt");
        await UntilAsync(() => Task.FromResult(daemon.HasExited || daemon.Output.Contains(file, StringComparison.Ordinal)), () => daemon.Output);
        var line = AdminLine().Match(File.ReadAllText(file));
        Assert.True(line.Success, File.ReadAllText(file));
        var url = line.Groups[1].Value;
        Assert.Equal($"http://127.0.0.1:{port}/", url);

        await using var chromium = await HeadlessChromium.StartAsync();
        await using var context = await chromium.ContextAsync(Viewport.Desktop, ColorScheme.Light, url);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#name").FillAsync("admin");
        await page.Locator("#password").FillAsync(line.Groups[2].Value);
        await page.Locator("form.signin button").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            // Say where the browser was left and what the daemon said, not only that it timed out (it did once under load).
            Assert.Fail($"after signing in the browser is at {page.Url}: {await page.Locator("body").InnerTextAsync()}\n--- jaga run said:\n{daemon.Output}");
        }
        Assert.Equal("Ringkasan", await page.Locator("h1").InnerTextAsync());

        // The first start backs up the database and the uploads at once: both appear on the backups page.
        await UntilAsync(async () =>
        {
            await page.GotoAsync("/backups");
            var text = await page.Locator("main").InnerTextAsync();
            return text.Contains("db_", StringComparison.Ordinal) && text.Contains("uploads_", StringComparison.Ordinal);
        }, () => daemon.Output);

        (string Path, string Title, string[] Shows)[] pages =
        [
            ("/", "Ringkasan", ["Backup"]),
            ("/backups", "Backup", ["db", "uploads"]),
            ("/monitoring", "Pemantauan", ["api", "nightly-report"]),
            ("/updates", "Pembaruan", []),
            ("/emergency", "Darurat", ["restart-api", "restore-db"]),
            ("/log", "Log pemeliharaan", ["selesai"]),
            ("/checklist", "Daftar periksa", []),
            ("/users", "Pengguna", ["admin"]),
        ];
        foreach (var (path, title, shows) in pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path}: HTTP {response.Status}");
            Assert.Equal(title, await page.Locator("h1").First.InnerTextAsync());
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var shown in shows) Assert.Contains(shown, text, StringComparison.Ordinal);
            var html = await page.ContentAsync();
            foreach (var secret in secrets) Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            await PageShots.SaveAsync(page, "example" + (path == "/" ? "-overview" : path.Replace('/', '-')), Viewport.Desktop, ColorScheme.Light);
        }
        await daemon.TerminateAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> done, Func<string> output)
    {
        using var limit = new CancellationTokenSource(Wait);
        while (!await done())
        {
            if (limit.IsCancellationRequested) Assert.Fail("not there in time:\n" + output());
            await Task.Delay(500, CancellationToken.None);
        }
    }

    [GeneratedRegex(@"Dasbor: (\S+) — masuk sebagai admin dengan kata sandi (\S+) \(")]
    private static partial Regex AdminLine();

    public void Dispose() => Directory.Delete(repository, recursive: true);
}
