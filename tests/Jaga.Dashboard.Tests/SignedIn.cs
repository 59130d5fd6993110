using Jaga.Core.Ports;

namespace Jaga.Dashboard.Tests;

/// <summary>A user of the given role added to the site and signed in through the form.</summary>
internal static class SignedIn
{
    public static async Task<Browser> AsAsync(DashboardSite site, string name, DashboardRole role)
    {
        await site.AddUserAsync(name, role);
        var browser = new Browser(site.Url);
        await browser.SignInOkAsync(name, DashboardSite.Password);
        return browser;
    }
}
