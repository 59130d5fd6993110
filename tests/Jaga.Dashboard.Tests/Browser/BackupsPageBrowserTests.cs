using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The backups page in a real browser (Debian's Chromium under Playwright), used as an operator would: sign in with
/// the form, open Backups, press "Back up now" and reload until the new backup is listed, press "Verify the newest" and reload
/// until it says verified; axe-core finds no serious or critical violation, in light and dark, on a laptop and a phone, and
/// the screenshots are kept under tests/artifacts/screens.</summary>
public sealed class BackupsPageBrowserTests : IAsyncLifetime
{
    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await BackupsPageTests.StartAsync();
        await site.AddUserAsync("olga", DashboardRole.Operator);
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_backs_up_now_watches_the_backup_appear_verifies_it_and_every_look_passes_axe()
    {
        await using (var context = await chromium.ContextAsync(Viewport.Desktop, ColorScheme.Light, site.Url.ToString()))
        {
            var page = await SignedInAsync(context);
            var rows = page.Locator("section.backup-job tbody tr");
            Assert.Equal(1, await rows.CountAsync());
            site.Clock.Advance(TimeSpan.FromMinutes(5));

            await page.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
            Assert.Contains("The backup of files started", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
            await ReloadUntilAsync(page, async () => await rows.CountAsync() == 2 && await page.GetByText("running now").CountAsync() == 0);
            Assert.Contains("2026-12-07 09:05", await rows.First.InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Verify the newest" }).ClickAsync();
            Assert.Contains("The verification of the newest backup of files started", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
            await ReloadUntilAsync(page, async () => (await rows.First.InnerTextAsync()).Contains("1 of 1 copies re-read in full", StringComparison.Ordinal));
            await PageLooks.AccessibleAsync(page, "backups-acted", Viewport.Desktop, ColorScheme.Light);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }

        foreach (var (viewport, scheme) in PageLooks.All)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await SignedInAsync(context);
            Assert.Equal("Backups", await page.Locator("h1").InnerTextAsync());
            await PageLooks.AccessibleAsync(page, "backups", viewport, scheme);
        }
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await PageLooks.SignInAsync(page, "olga");
        await page.GotoAsync("/backups");
        return page;
    }

    /// <summary>Reloads the page, as a person would, until <paramref name="done"/>, for at most 60 s.</summary>
    private static async Task ReloadUntilAsync(IPage page, Func<Task<bool>> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            Assert.False(limit.IsCancellationRequested, "not within 60 s:\n" + await page.Locator("main").InnerTextAsync());
            await Task.Delay(250, CancellationToken.None);
            await page.ReloadAsync();
        }
    }
}
