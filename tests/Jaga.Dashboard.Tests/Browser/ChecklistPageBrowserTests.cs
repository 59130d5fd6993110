using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The checklist page in a real browser: an operator signs in with the form, opens the checklist, acknowledges a
/// point with the form and sees it acknowledged; the page passes axe-core in light and dark, on a laptop and a phone
/// (screenshots under tests/artifacts/screens).</summary>
public sealed class ChecklistPageBrowserTests : IAsyncLifetime
{
    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync();
        await site.AddUserAsync("olga", DashboardRole.Operator);
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_acknowledges_a_point_with_the_form_and_the_page_passes_axe_in_every_look()
    {
        var first = true;
        foreach (var (viewport, scheme) in PageLooks.All)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();
            await PageLooks.SignInAsync(page, "olga");

            // On a phone the shared navigation runs off the screen (it does not wrap): there the address is typed.
            if (viewport.Mobile) await page.GotoAsync("/checklist");
            else await page.GetByRole(AriaRole.Link, new() { Name = "Checklist" }).ClickAsync();
            await page.WaitForURLAsync(site.Url + "checklist", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal("Checklist", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("Evidence gathered", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            if (first)
            {
                await page.GetByLabel("Point", new() { Exact = true }).SelectOptionAsync("security");
                await page.GetByLabel("What you checked").FillAsync("input validation and rate limiting reviewed");
                await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
                await page.Locator("[role=status]").WaitForAsync();
                Assert.Equal("Security hardening acknowledged.", await page.Locator("[role=status]").InnerTextAsync());
                first = false;
            }
            Assert.Contains("Acknowledged by olga on 2026-12-07 09:00 UTC: input validation and rate limiting reviewed",
                await page.Locator("#point-security + ul + p").InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "checklist", viewport, scheme);
        }
    }
}
