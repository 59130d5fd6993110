using Jaga.Core.Charts;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Dashboard.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The public status page: open to anyone when the plan says <c>dashboard.status_page: true</c>, a 404 otherwise.
/// It shows each check's name, up or down and its uptime bars, and nothing else (no target, condition, output or host).</summary>
[AllowAnonymous]
public sealed class StatusModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    /// <summary>This page's checks (those down first).</summary>
    public IReadOnlyList<PublicCheck> Checks { get; private set; } = [];

    public CheckCounts Counts { get; private set; } = CheckCounts.None;

    public PageOf Slice { get; private set; } = PageOf.Single;

    public Pager Pager => new(Slice, "/status", Words);

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!state.StatusPage) return NotFound();
        if (PageOf.Parse(PageText) is not { } page)
        {
            Problem = Words.Format("web.monitoring.page.invalid", QueryText.Shown(PageText!));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var all = await state.PublicStatusAsync(ct);
        Counts = CheckCounts.Of(all.Select(c => c.Status));
        Slice = PageOf.For(page, all.Count, PageOf.Checks);
        Checks = [.. all.Skip(Slice.Skip(PageOf.Checks)).Take(PageOf.Checks)];
        return Page();
    }

    public int Down => Counts.Down;

    public string Bars(PublicCheck check, int i) => new UptimeBars($"uptime-{i}", check.Name, check.Days).Render(Words);
}
