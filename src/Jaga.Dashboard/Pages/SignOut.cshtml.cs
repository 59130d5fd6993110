using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>Signing out: a form's POST (with its anti-forgery token), so another site cannot sign a user out.</summary>
public sealed class SignOutModel(IDashboardState state) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = User.Identity?.Name ?? "";
        await HttpContext.SignOutAsync(DashboardClaims.Cookie);
        await state.Journal.RecordAsync(new DashboardSignedOut(name), name, ct);
        return Redirect(DashboardServices.SignInPath);
    }
}
