using Jaga.Dashboard.Log;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The log page's "verify chain" button: operators and admins only, as it reads the whole chain and the log file
/// (costly on a long chain) and records its outcome. It starts the verification as work the host owns (one at a time),
/// waits a moment so a short chain's result is there at once, and goes back to the log page, which shows the result or that
/// it still runs.</summary>
[Authorize(Policy = DashboardPolicies.Operator)]
public sealed class LogVerifyModel(ChainChecks checks, DashboardOptions options) : PageModel
{
    /// <summary>How long the button's request waits for the result before the page says the verification still runs.</summary>
    public static readonly TimeSpan ShowWithin = TimeSpan.FromSeconds(2);

    public IActionResult OnGet() => Redirect("/log#chain");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await checks.StartAsync(User.Identity?.Name ?? "", ct);
        await Task.WhenAny(check.Work, Task.Delay(ShowWithin, options.Clock, ct));
        return Redirect("/log#chain");
    }
}
