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
    private static readonly (Viewport Viewport, ColorScheme Scheme)[] Looks =
        [(Viewport.Desktop, ColorScheme.Light), (Viewport.Desktop, ColorScheme.Dark), (Viewport.Phone, ColorScheme.Light), (Viewport.Phone, ColorScheme.Dark)];

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
            await Accessible(page, "backups-acted", Viewport.Desktop, ColorScheme.Light);
            Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
        }

        foreach (var (viewport, scheme) in Looks)
        {
            await using var context = await chromium.ContextAsync(viewport, scheme, site.Url.ToString());
            var page = await SignedInAsync(context);
            Assert.Equal("Backups", await page.Locator("h1").InnerTextAsync());
            await Accessible(page, "backups", viewport, scheme);
        }
    }

    private async Task<IPage> SignedInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backups");
        await page.GetByLabel("Name").FillAsync("olga");
        await page.GetByLabel("Password").FillAsync(DashboardSite.Password);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync(site.Url + "backups", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
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

    private static async Task Accessible(IPage page, string name, Viewport viewport, ColorScheme scheme)
    {
        await PageShots.SaveAsync(page, name, viewport, scheme);
        var serious = await AxeCheck.SeriousAsync(page);
        Assert.True(serious.Count == 0, $"{name} ({viewport.Name}, {scheme}):\n{string.Join("\n", serious)}");
    }
}
