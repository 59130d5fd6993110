using System.Globalization;
using Jaga.Core.Charts;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Dashboard.Monitoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>Monitoring: each check's state and since when, the condition that failed, 90 days of uptime bars and a
/// response-time chart, and this machine's host gauges — what <c>jaga monitor status</c> reports, drawn.</summary>
public sealed class MonitoringModel(IDashboardState state) : PageModel
{
    public Catalog Words => state.Words;

    public MonitoringView View { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken ct) => View = await state.MonitoringAsync(ct);

    public int Count(CheckStatus status) => View.Checks.Count(c => c.Status == status);

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
