using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The dashboard in a real browser (Debian's Chromium under Playwright): a person signs in with the form, lands
/// on the overview, and each page passes axe-core with no serious or critical violation, in light and dark, on a laptop
/// and a phone; the screenshots are kept under tests/artifacts/screens for a person to look at.</summary>
public sealed class BrowserPagesTests : IAsyncLifetime
{
    private static readonly (Viewport Viewport, ColorScheme Scheme)[] Looks =
        [(Viewport.Desktop, ColorScheme.Light), (Viewport.Desktop, ColorScheme.Dark), (Viewport.Phone, ColorScheme.Light), (Viewport.Phone, ColorScheme.Dark)];

    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync();
        await site.AddUserAsync("ana", DashboardRole.Admin);
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_person_signs_in_with_the_form_and_every_page_passes_axe_in_every_look()
    {
        foreach (var (viewport, scheme) in Looks)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();

            var response = await page.GotoAsync("/");
            Assert.EndsWith("/signin?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
            Assert.Equal(200, response!.Status);
            await Accessible(page, "signin", viewport, scheme);

            await page.GetByLabel("Name").FillAsync("ana");
            await page.GetByLabel("Password").FillAsync(DashboardSite.Password);
            await page.GetByRole(AriaRole.Button).ClickAsync();
            await page.WaitForURLAsync(site.Url + "", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal("Overview", await page.Locator("h1").InnerTextAsync());
            Assert.Equal(5, await page.Locator("h2").CountAsync());
            // The heartbeat has not been checked yet: it is neither up nor down.
            Assert.Contains("0 of 1 checks up", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Accessible(page, "overview", viewport, scheme);

            await page.GotoAsync("/users");
            Assert.Contains("ana", await page.ContentAsync(), StringComparison.Ordinal);
            await Accessible(page, "users", viewport, scheme);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_password_shows_the_problem_on_the_form_and_no_session()
    {
        await using var context = await chromium.ContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url + "signin");
        await page.GetByLabel("Name").FillAsync("ana");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("[role=alert]").WaitForAsync();
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
        var response = await page.GotoAsync(site.Url + "users");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal(200, response!.Status);
    }

    private static async Task Accessible(IPage page, string name, Viewport viewport, ColorScheme scheme)
    {
        await PageShots.SaveAsync(page, name, viewport, scheme);
        var serious = await AxeCheck.SeriousAsync(page);
        Assert.True(serious.Count == 0, $"{name} ({viewport.Name}, {scheme}):\n{string.Join("\n", serious)}");
    }
}
