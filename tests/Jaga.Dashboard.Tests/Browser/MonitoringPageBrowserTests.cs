using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The Monitoring page and the public status page in a real browser (Debian's Chromium under Playwright): a person
/// signs in with the form, opens Monitoring from the navigation and reads which check is down and why; both pages pass
/// axe-core with no serious or critical violation in light and dark, on a laptop and a phone (screenshots kept).</summary>
public sealed class MonitoringPageBrowserTests : IAsyncLifetime
{
    private static readonly (Viewport Viewport, ColorScheme Scheme)[] Looks =
        [(Viewport.Desktop, ColorScheme.Light), (Viewport.Desktop, ColorScheme.Dark), (Viewport.Phone, ColorScheme.Light), (Viewport.Phone, ColorScheme.Dark)];

    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync("dashboard: { status_page: true }", MonitoringPageTests.Checks);
        await site.AddUserAsync("ana", DashboardRole.Viewer);
        await MonitoringPageTests.RecordAsync(site);
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_person_signs_in_opens_monitoring_sees_what_is_down_and_why_and_both_pages_pass_axe_in_every_look()
    {
        foreach (var (viewport, scheme) in Looks)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();

            await page.GotoAsync("/status");
            Assert.Equal("Status", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("1 of 3 checks are down.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Accessible(page, "status", viewport, scheme);

            await page.GotoAsync("/signin");
            await page.GetByLabel("Name").FillAsync("ana");
            await page.GetByLabel("Password").FillAsync(DashboardSite.Password);
            await page.GetByRole(AriaRole.Button).ClickAsync();
            await page.WaitForURLAsync(site.Url + "", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitoring", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(site.Url + "monitoring", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

            Assert.Equal("Monitoring", await page.Locator("h1").InnerTextAsync());
            var api = page.Locator("section.check", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "api", Exact = true }) });
            Assert.Contains("Down", await api.Locator(".state").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(MonitoringPageTests.Failed, await api.Locator(".reason").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(90, await api.Locator("svg.jaga-uptime rect.day").CountAsync());
            await Accessible(page, "monitoring", viewport, scheme);
            var html = await page.ContentAsync();
            Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(MonitoringPageTests.UrlPassword, html, StringComparison.Ordinal);
        }
    }

    private static async Task Accessible(IPage page, string name, Viewport viewport, ColorScheme scheme)
    {
        await PageShots.SaveAsync(page, name, viewport, scheme);
        var serious = await AxeCheck.SeriousAsync(page);
        Assert.True(serious.Count == 0, $"{name} ({viewport.Name}, {scheme}):\n{string.Join("\n", serious)}");
    }
}
