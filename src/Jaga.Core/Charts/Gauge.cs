using System.Text;
using Jaga.Core.Messages;

namespace Jaga.Core.Charts;

/// <summary>A host gauge (CPU, RAM, a disk) as a horizontal bar: how full, and the plan's limit as a mark. Its class says the
/// level: <c>ok</c>, <c>near</c> (within a tenth of the limit), <c>over</c> (at or above it), <c>unknown</c>.</summary>
/// <param name="Id">The gauge's element id on its page.</param>
/// <param name="Label">What is measured (<c>CPU</c>, <c>disk /</c>; any text: escaped).</param>
/// <param name="Share">How full, 0..1; null when not known.</param>
/// <param name="Limit">The plan's limit, 0..1 (<c>cpu: "&lt; 90%"</c> is 0.9); null when the plan sets none.</param>
public sealed record Gauge(string Id, string Label, double? Share, double? Limit)
{
    private const int Width = 200, Height = 36, BarY = 18, BarHeight = 12;

    public string Level => Share switch
    {
        null => "unknown",
        { } s when Limit is { } l && s >= l => "over",
        { } s when Limit is { } l && s >= l * 0.9 => "near",
        _ => "ok",
    };

    public string Render(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var id = SvgText.Id(Id);
        var value = Share is { } s ? UptimeBars.Percent(Math.Clamp(s, 0, 1)) : "?";
        var title = Share is null ? words.Format("chart.gauge.unknown", Label)
            : Limit is { } l ? words.Format("chart.gauge.limit", Label, value, UptimeBars.Percent(l))
            : words.Format("chart.gauge.value", Label, value);
        var b = new StringBuilder();
        b.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"jaga-chart jaga-gauge {Level}\" role=\"img\" aria-labelledby=\"{id}-title\">\n");
        b.Append($"<title id=\"{id}-title\">{SvgText.Escape(title)}</title>\n");
        b.Append("<g fill=\"currentColor\" font-size=\"11\" font-family=\"sans-serif\">\n");
        b.Append($"<text class=\"label\" x=\"0\" y=\"12\">{SvgText.Escape(Label)}</text>\n");
        b.Append($"<text class=\"value\" x=\"{Width}\" y=\"12\" text-anchor=\"end\">{value}</text>\n");
        b.Append("</g>\n");
        b.Append($"<rect class=\"track\" x=\"0\" y=\"{BarY}\" width=\"{Width}\" height=\"{BarHeight}\" rx=\"3\" fill=\"currentColor\" fill-opacity=\"0.15\"/>\n");
        if (Share is { } share)
            b.Append($"<rect class=\"fill\" x=\"0\" y=\"{BarY}\" width=\"{SvgText.Number(Math.Clamp(share, 0, 1) * Width)}\" height=\"{BarHeight}\" rx=\"3\" fill=\"currentColor\"/>\n");
        if (Limit is { } limit)
            b.Append($"<line class=\"limit\" x1=\"{SvgText.Number(Math.Clamp(limit, 0, 1) * Width)}\" x2=\"{SvgText.Number(Math.Clamp(limit, 0, 1) * Width)}\" y1=\"{BarY - 3}\" y2=\"{BarY + BarHeight + 3}\" stroke=\"currentColor\" stroke-width=\"2\"/>\n");
        return b.Append("</svg>\n").ToString();
    }
}
