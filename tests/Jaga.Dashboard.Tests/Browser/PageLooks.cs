using Jaga.Testing.Browser;
using Microsoft.Playwright;

namespace Jaga.Dashboard.Tests;

/// <summary>What the browser tests of one page share: the four looks (light and dark, laptop and phone), signing in with the
/// form, and the screenshot plus axe-core pass of a page.</summary>
internal static class PageLooks
{
    public static readonly (Viewport Viewport, ColorScheme Scheme)[] All =
        [(Viewport.Desktop, ColorScheme.Light), (Viewport.Desktop, ColorScheme.Dark), (Viewport.Phone, ColorScheme.Light), (Viewport.Phone, ColorScheme.Dark)];

    /// <summary>Signs in as a person does: the sign-in form, then the overview.</summary>
    public static async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(DashboardSite.Password);
        await page.GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator("h1").WaitForAsync();
    }

    /// <summary>Keeps a screenshot of the page and asserts axe-core finds no serious or critical violation, nor the plan's
    /// secret in its HTML.</summary>
    public static async Task AccessibleAsync(IPage page, string name, Viewport viewport, ColorScheme scheme)
    {
        await PageShots.SaveAsync(page, name, viewport, scheme);
        var serious = await AxeCheck.SeriousAsync(page);
        Assert.True(serious.Count == 0, $"{name} ({viewport.Name}, {scheme}):\n{string.Join("\n", serious)}");
        Assert.DoesNotContain(DashboardSite.Secret, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
