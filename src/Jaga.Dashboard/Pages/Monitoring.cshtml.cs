using System.Globalization;
using Jaga.Core.Charts;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Dashboard.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>Monitoring: each check's state and since when, the condition that failed, 90 days of uptime bars and a
/// response-time chart, and this machine's host gauges — what <c>jaga monitor status</c> reports, drawn.</summary>
public sealed class MonitoringModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    public MonitoringView View { get; private set; } = new([], null, CheckCounts.None, PageOf.Single);

    public Pager Pager => new(View.Page, "/monitoring", Words);

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    /// <summary>What is wrong with the query (a page that is not a whole number from 1); the page then lists no check.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageOf.Parse(PageText) is not { } page)
        {
            Problem = Words.Format("web.monitoring.page.invalid", QueryText.Shown(PageText!));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        View = await state.MonitoringAsync(page, ct);
        return Page();
    }

    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);

    /// <summary>The state as the page's class and word: <c>up</c>, <c>down</c>, <c>unknown</c>.</summary>
    public static string Word(CheckStatus status) => status.ToString().ToLowerInvariant();

    public string Uptime(MonitoredCheck check) =>
        string.Join(" / ", new[] { check.Uptime.Day, check.Uptime.Week, check.Uptime.Month }.Select(u => u is { } v ? UptimeBars.Percent(v) : Words["web.card.none"]));

    public string P95(MonitoredCheck check) => check.Uptime.P95Day is { } p
        ? (check.Uptime.P95Estimated ? "~" : "") + p.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms"
        : Words["web.card.none"];

    public string Bars(MonitoredCheck check, int i) => new UptimeBars($"uptime-{i}", check.Name, check.Days).Render(Words);

    public string ResponseChart(MonitoredCheck check, int i) =>
        new LineChart($"response-{i}", Words.Format("web.monitoring.response", check.Name), [new LineSeries(check.Name, check.ResponseTimes)], ChartUnit.Milliseconds, state.Zone)
            .Render(Words);
}
