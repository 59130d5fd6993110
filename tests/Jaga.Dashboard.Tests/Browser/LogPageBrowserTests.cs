using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The log page in a real browser, used as a person would: sign in with the form, filter, page to older entries
/// and back, verify the chain; axe-core finds no serious or critical violation, in light and dark, on a laptop and a phone
/// (screenshots under tests/artifacts/screens), and no secret of the plan is in the page.</summary>
public sealed class LogPageBrowserTests : IAsyncLifetime
{
    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync();
        await site.AddUserAsync("olga", DashboardRole.Operator);
        for (var i = 1; i <= 60; i++)
        {
            await site.Feed.Journal.RecordTextAsync(i % 10 == 0 ? Severity.Warn : Severity.Info, i % 2 == 0 ? "backup.run" : "manual",
                $"Pekerjaan nomor {i} selesai (token {DashboardSite.Secret})");
            site.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_person_filters_pages_and_verifies_the_chain_and_the_page_passes_axe_in_every_look()
    {
        foreach (var (viewport, scheme) in PageLooks.All)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();
            await PageLooks.SignInAsync(page, "olga");
            await page.GotoAsync("/log");
            Assert.Equal("Maintenance log", await page.Locator("h1").InnerTextAsync());
            Assert.Equal(50, await page.Locator("ol.log-lines li").CountAsync());
            await PageLooks.AccessibleAsync(page, "log", viewport, scheme);

            await page.GetByRole(AriaRole.Link, new() { Name = "Older entries" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("before="), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Contains("Pekerjaan nomor 1 selesai", await page.Locator("ol.log-lines").InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Link, new() { Name = "Newer entries" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("after="), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

            await page.GetByLabel("Level").SelectOptionAsync("WARN");
            await page.GetByLabel("Pillar").SelectOptionAsync("backup");
            await page.GetByLabel("Text", new() { Exact = true }).FillAsync("NOMOR 5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("level=WARN"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var lines = await page.Locator("ol.log-lines li").AllInnerTextsAsync();
            Assert.Contains("[WARN] Pekerjaan nomor 50 selesai", Assert.Single(lines), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "log-filtered", viewport, scheme);

            // By keyboard, as a person without a mouse would.
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/log#chain$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.Locator(".chain-result .intact").WaitForAsync();
            Assert.Contains("by olga", await page.Locator(".chain-result").InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "log-verified", viewport, scheme);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }
    }
}
