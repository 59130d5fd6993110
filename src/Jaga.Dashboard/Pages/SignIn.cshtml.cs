using Jaga.Core.Messages;
using Jaga.Dashboard.Accounts;
using Jaga.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The sign-in form. The rate limiter answers 429 to a flood from one address; <see cref="SignInDesk"/> counts wrong
/// passwords to a lock-out; the answer never says whether the name exists.</summary>
public sealed class SignInModel(IDashboardState state, SignInDesk desk, SignInLimiter limiter) : PageModel
{
    public Catalog Words => state.Words;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryEnter(address)) return StatusCode(StatusCodes.Status429TooManyRequests);
        var name = (Name ?? "").Trim();
        if (name.Length is 0 or > 64 || string.IsNullOrEmpty(Password) || Password.Length > 1024)
        {
            Problem = Words["web.signin.wrong"];
            return Page();
        }
        var outcome = await desk.SignInAsync(name, Password, address, ct);
        if (outcome.User is not { } user)
        {
            Problem = outcome.LockedUntil is { } until ? Words.Format("web.signin.locked", desk.Local(until)) : Words["web.signin.wrong"];
            Response.StatusCode = outcome.LockedUntil is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status423Locked;
            return Page();
        }
        await HttpContext.SignInAsync(DashboardClaims.Cookie, DashboardClaims.Principal(user.Name, user.Role, DashboardClaims.Cookie, DashboardClaims.Stamp(user.PasswordHash)));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
