using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The updates page in a real browser: a viewer signs in with the form, follows the link, and sees the last audit's
/// vulnerable packages and update plan; the page passes axe-core in light and dark, on a laptop and a phone (screenshots
/// under tests/artifacts/screens).</summary>
public sealed class UpdatesPageBrowserTests : IAsyncLifetime
{
    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync();
        await site.AddUserAsync("vina", DashboardRole.Viewer);
        await UpdatesPageTests.RecordAuditAsync(site);
        await site.Feed.Journal.RecordAsync(new Core.Journal.Events.Updates.UpdateApplied("lodash==4.17.21"));
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_vulnerable_packages_and_the_plan_and_the_page_passes_axe_in_every_look()
    {
        foreach (var (viewport, scheme) in PageLooks.All)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();
            await PageLooks.SignInAsync(page, "vina");

            await page.GetByRole(AriaRole.Link, new() { Name = "Updates" }).ClickAsync();
            await page.WaitForURLAsync(site.Url + "updates", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal("Updates", await page.Locator("h1").InnerTextAsync());
            var vulnerable = page.GetByRole(AriaRole.Region, new() { Name = "Vulnerable packages" });
            Assert.Equal(2, await vulnerable.Locator("tbody tr").CountAsync());
            Assert.StartsWith("minimist", await vulnerable.Locator("tbody tr th").First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("GHSA-xvch-5gv4-984h", await vulnerable.InnerTextAsync(), StringComparison.Ordinal);
            var plan = page.GetByRole(AriaRole.Region, new() { Name = "Update plan" });
            Assert.Equal(5, await plan.Locator("tbody tr").CountAsync());
            Assert.Contains("Update dependency: lodash==4.17.21", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "updates", viewport, scheme);
        }
    }
}
