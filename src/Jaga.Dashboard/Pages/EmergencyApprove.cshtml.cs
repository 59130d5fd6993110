using Jaga.Core.Messages;
using Jaga.Dashboard.Emergency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>An operator's approval of the step a run waits at, as <c>jaga runbook approve RUN --by USER</c> gives it (one log
/// line, one audit entry and the incident's timeline, with the signed-in user's name); the answer says how many the step
/// still needs and whether the run goes on by itself.</summary>
[Authorize(Policy = DashboardPolicies.Operator)]
public sealed class EmergencyApproveModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    [BindProperty]
    public string? Run { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public EmergencyAct? Act { get; private set; }

    public IActionResult OnGet() => LocalRedirect("/emergency");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Act = await state.ApproveRunbookAsync(Run ?? "", User.Identity!.Name!, string.IsNullOrWhiteSpace(Note) ? null : Note, ct);
        if (!Act.Done) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
