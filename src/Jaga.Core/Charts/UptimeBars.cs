using System.Globalization;
using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Charts;

/// <summary>One check's uptime bars, one bar per day of the plan's zone (90 on the Monitoring page), coloured by that day's
/// uptime through a CSS class (<c>ok</c>, <c>degraded</c>, <c>down</c>, <c>none</c>) with opacity as the fallback, each
/// with a <c>&lt;title&gt;</c> that says the day, its uptime and its results (for hover and screen readers).</summary>
/// <param name="Id">The chart's element id on its page.</param>
/// <param name="Check">The check's name (any text: escaped).</param>
/// <param name="Days">The days, oldest first (from <see cref="Ports.ICheckHistory.DailyUptimeAsync"/>).</param>
public sealed record UptimeBars(string Id, string Check, IReadOnlyList<DayUptime> Days)
{
    private const int Bar = 4, Gap = 2, Height = 30;

    /// <summary>A day at or above this share is <c>ok</c>.</summary>
    public const double Ok = 0.999;

    /// <summary>A day at or above this share (and below <see cref="Ok"/>) is <c>degraded</c>; below it, <c>down</c>.</summary>
    public const double Degraded = 0.95;

    public static string Class(DayUptime day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Share switch
        {
            null => "none",
            >= Ok => "ok",
            >= Degraded => "degraded",
            _ => "down",
        };
    }

    public string Render(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var id = SvgText.Id(Id);
        var width = Math.Max(1, (Days.Count * (Bar + Gap)) - Gap);
        var counted = Days.Where(d => d.Count > 0).ToList();
        var overall = counted.Count == 0 ? null : (double?)counted.Sum(d => d.Passed) / counted.Sum(d => d.Count);
        var b = new StringBuilder();
        b.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {Height}\" preserveAspectRatio=\"none\" class=\"jaga-chart jaga-uptime\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n");
        b.Append($"<title id=\"{id}-title\">{SvgText.Escape(words.Format("chart.uptime.title", Check, Days.Count))}</title>\n");
        b.Append($"<desc id=\"{id}-desc\">{SvgText.Escape(overall is { } o
            ? words.Format("chart.uptime.desc", counted.Count, Days.Count, Percent(o), Percent(counted.Min(d => d.Share!.Value)))
            : words["chart.nodata"])}</desc>\n");
        for (var i = 0; i < Days.Count; i++)
        {
            var d = Days[i];
            var day = d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var title = d.Share is not { } share ? words.Format("chart.uptime.none", day)
                : words.Format(d.ToTheHour ? "chart.uptime.day" : "chart.uptime.utcday", day, Percent(share), d.Count.ToString("N0", CultureInfo.InvariantCulture));
            var cls = Class(d);
            b.Append($"<rect class=\"day {cls}\" x=\"{i * (Bar + Gap)}\" y=\"0\" width=\"{Bar}\" height=\"{Height}\" rx=\"1\" fill=\"currentColor\" fill-opacity=\"{Opacity(cls)}\"><title>{SvgText.Escape(title)}</title></rect>\n");
        }
        return b.Append("</svg>\n").ToString();
    }

    /// <summary>Without the dashboard's stylesheet the bars still differ: the worse the day, the fainter; a day without results faintest.</summary>
    private static string Opacity(string cls) => cls switch
    {
        "ok" => "1",
        "degraded" => "0.6",
        "down" => "0.35",
        _ => "0.12",
    };

    /// <summary>A share as a percentage with at most two decimals; never rounded up to 100% unless it is whole.</summary>
    public static string Percent(double share)
    {
        var p = Math.Floor(share * 10_000) / 100;
        return p.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
