using System.Diagnostics;
using Jaga.Core.Ports;
using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>The emergency page in a real browser, used as a person would: an operator signs in with the form, runs a runbook
/// through its confirmation screen, sees it wait for approval, approves the step and watches the run finish; each screen
/// passes axe-core with no serious or critical violation, in light and dark, on a laptop and a phone (screenshots under
/// tests/artifacts/screens), and no secret the step's output echoed reaches the HTML.</summary>
public sealed class EmergencyPageBrowserTests : IAsyncLifetime
{
    private DashboardSite site = null!;
    private HeadlessChromium chromium = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync(EmergencyPageTests.PlanTail);
        await site.AddUserAsync("rina", DashboardRole.Operator);
        chromium = await HeadlessChromium.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_runs_a_runbook_through_the_confirmation_screen_approves_its_step_and_watches_it_finish()
    {
        await using (var context = await chromium.ContextAsync(Viewport.Desktop, ColorScheme.Light, site.Url.ToString()))
        {
            var page = await context.NewPageAsync();
            await PageLooks.SignInAsync(page, "rina");
            await page.GotoAsync("/emergency");
            Assert.Equal("Emergency", await page.Locator("h1").InnerTextAsync());

            var card = page.Locator("article", new() { Has = page.Locator("#runbook-ship-fix") });
            await card.Locator("select").SelectOptionAsync("production");
            await card.GetByRole(AriaRole.Button, new() { Name = "Run…" }).ClickAsync();
            await page.WaitForURLAsync("**/emergency/run?**", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Equal("Run ship-fix?", await page.Locator("h1").InnerTextAsync());
            var dry = await page.Locator("pre").InnerTextAsync();
            Assert.Contains("target = production", dry, StringComparison.Ordinal);
            Assert.Contains("step 2: agree (approve)", dry, StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "emergency-confirm", Viewport.Desktop, ColorScheme.Light);

            await page.GetByRole(AriaRole.Button, new() { Name = "Run ship-fix now" }).ClickAsync();
            await page.WaitForURLAsync("**/emergency#run-*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var run = Assert.Single(await site.Store.Runbooks.ListAsync(null, 10));
            var waiting = page.GetByRole(AriaRole.Heading, new() { Name = $"Run {run.Id} of ship-fix waits at step agree" });
            await UntilAsync(page, waiting);
            Assert.Contains("Ship it to production?", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "emergency-waiting", Viewport.Desktop, ColorScheme.Light);

            var wait = page.Locator("article", new() { Has = waiting });
            await wait.GetByLabel("Note (optional): why, or what you checked").FillAsync("diff looks right");
            await wait.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await page.WaitForURLAsync("**/emergency/approve", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.Contains($"Approved step agree of run {run.Id} (1 of 1)", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "emergency-approved", Viewport.Desktop, ColorScheme.Light);

            await page.GetByRole(AriaRole.Link, new() { Name = "Back to the emergency page" }).ClickAsync();
            var finished = page.Locator($"#run-{run.Id} .em-status", new() { HasText = "succeeded" });
            await UntilAsync(page, finished);
            var main = await page.Locator("main").InnerTextAsync();
            Assert.Contains("approved by rina at", main, StringComparison.Ordinal);
            Assert.Contains("No run waits for an approval.", main, StringComparison.Ordinal);
            Assert.DoesNotContain(EmergencyPageTests.EchoedPassword, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }

        foreach (var (viewport, scheme) in PageLooks.All)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await context.NewPageAsync();
            await PageLooks.SignInAsync(page, "rina");
            await page.GotoAsync("/emergency");
            // The finished run's output, opened as a reader would, shows the secrets masked.
            await page.Locator(".em-run details summary").First.ClickAsync();
            Assert.Contains("postgres://app:***@db.internal/app token ***", await page.Locator(".em-run .em-tail").First.InnerTextAsync(), StringComparison.Ordinal);
            await PageLooks.AccessibleAsync(page, "emergency", viewport, scheme);
            await page.GotoAsync("/emergency/run?Runbook=ship-fix");
            await PageLooks.AccessibleAsync(page, "emergency-run", viewport, scheme);
            Assert.DoesNotContain(EmergencyPageTests.EchoedPassword, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>Reloads the page, as a person watching a run does (the page has no script), until <paramref name="what"/> shows.</summary>
    private static async Task UntilAsync(IPage page, ILocator what)
    {
        var waited = Stopwatch.StartNew();
        while (await what.CountAsync() == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "not seen after 30 s:\n" + await page.Locator("main").InnerTextAsync());
            await Task.Delay(250);
            await page.ReloadAsync();
        }
    }
}
