namespace Jaga.Core.Messages;

/// <summary>The words of the dashboard's charts (<c>Core/Charts</c>): titles, descriptions and the hover text of each bar.</summary>
internal static class ChartCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["chart.nodata"] = "No data yet",
        ["chart.line.summary"] = "{0} points from {1} to {2}; lowest {3}, highest {4}, latest {5}",
        ["chart.uptime.title"] = "Uptime of {0} over the last {1} days",
        ["chart.uptime.desc"] = "{0} of {1} days with results; {2} up overall; worst day {3}",
        ["chart.uptime.day"] = "{0}: {1} up, {2} results",
        ["chart.uptime.utcday"] = "{0}: {1} up, {2} results (counted by UTC day)",
        ["chart.uptime.none"] = "{0}: no results",
        ["chart.gauge.value"] = "{0}: {1}",
        ["chart.gauge.limit"] = "{0}: {1} (limit {2})",
        ["chart.gauge.unknown"] = "{0}: not known yet",
    };
}
