using Jaga.Core.Charts;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Dashboard.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The public status page: open to anyone when the plan says <c>dashboard.status_page: true</c>, a 404 otherwise.
/// It shows each check's name, up or down and its uptime bars, and nothing else (no target, condition, output or host).</summary>
[AllowAnonymous]
public sealed class StatusModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    public IReadOnlyList<PublicCheck> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!state.StatusPage) return NotFound();
        Checks = await state.PublicStatusAsync(ct);
        return Page();
    }

    public int Down => Checks.Count(c => c.Status == CheckStatus.Down);

    public string Bars(PublicCheck check, int i) => new UptimeBars($"uptime-{i}", check.Name, check.Days).Render(Words);
}
