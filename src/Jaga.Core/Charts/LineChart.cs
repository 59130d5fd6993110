using System.Text;
using Jaga.Core.Messages;

namespace Jaga.Core.Charts;

/// <summary>A value at a time: one point of a <see cref="LineSeries"/>.</summary>
public sealed record ChartPoint(DateTimeOffset At, double Value);

/// <summary>One line of a <see cref="LineChart"/>: its name (in the legend when there are several) and its points.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A line chart over time (response time, backup sizes) as SVG drawn on the server: a round-valued value axis, a
/// time axis in the plan's zone, one polyline per series. Accessible (<c>role="img"</c>, a title and a description that
/// says the range and the latest value), styled by CSS classes with <c>currentColor</c> as the fallback so light and dark
/// themes both work, and the same bytes for the same input whatever the culture.</summary>
/// <param name="Id">The chart's element id on its page (made safe by <see cref="SvgText.Id"/>).</param>
/// <param name="Title">What the chart shows, in the plan's language.</param>
/// <param name="Series">The lines; non-finite values are left out.</param>
/// <param name="Unit">What the values measure (ticks and summary are labelled in it).</param>
/// <param name="Zone">The plan's time zone: where the time labels are read.</param>
public sealed record LineChart(string Id, string Title, IReadOnlyList<LineSeries> Series, ChartUnit Unit, TimeZoneInfo Zone)
{
    private const int Width = 600, Height = 220, Left = 64, Right = 12, Top = 12, Bottom = 28;

    public string Render(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var id = SvgText.Id(Id);
        var series = Series.Select(s => s with { Points = [.. s.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.At)] }).ToList();
        var points = series.SelectMany(s => s.Points).ToList();
        var b = new StringBuilder();
        b.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"jaga-chart jaga-line\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n");
        b.Append($"<title id=\"{id}-title\">{SvgText.Escape(Title)}</title>\n");
        if (points.Count == 0)
        {
            b.Append($"<desc id=\"{id}-desc\">{SvgText.Escape(words["chart.nodata"])}</desc>\n");
            b.Append($"<text class=\"empty\" x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"currentColor\" font-size=\"13\" font-family=\"sans-serif\">{SvgText.Escape(words["chart.nodata"])}</text>\n");
            return b.Append("</svg>\n").ToString();
        }
        var (from, to) = (points.Min(p => p.At), points.Max(p => p.At));
        var latest = points.Last(p => p.At == to);
        b.Append($"<desc id=\"{id}-desc\">{SvgText.Escape(words.Format("chart.line.summary", points.Count, Time(from), Time(to),
            NiceScale.Label(points.Min(p => p.Value), Unit), NiceScale.Label(points.Max(p => p.Value), Unit), NiceScale.Label(latest.Value, Unit)))}</desc>\n");

        var scale = NiceScale.For(points.Select(p => p.Value));
        double X(DateTimeOffset t) => to == from ? Left + ((Width - Left - Right) / 2) : Left + ((t - from) / (to - from) * (Width - Left - Right));
        double Y(double v) => Height - Bottom - (scale.Fraction(v) * (Height - Top - Bottom));

        b.Append("<g class=\"grid\" stroke=\"currentColor\" stroke-opacity=\"0.15\">\n");
        foreach (var v in scale.Ticks()) b.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{SvgText.Number(Y(v))}\" y2=\"{SvgText.Number(Y(v))}\"/>\n");
        b.Append("</g>\n");
        b.Append("<g class=\"axis\" fill=\"currentColor\" font-size=\"11\" font-family=\"sans-serif\">\n");
        foreach (var v in scale.Ticks())
            b.Append($"<text x=\"{Left - 6}\" y=\"{SvgText.Number(Y(v) + 4)}\" text-anchor=\"end\">{SvgText.Escape(NiceScale.Label(v, Unit))}</text>\n");
        foreach (var tick in TimeAxis.Ticks(from, to, Zone))
            b.Append($"<text x=\"{SvgText.Number(X(tick.At))}\" y=\"{Height - 8}\" text-anchor=\"middle\">{SvgText.Escape(tick.Label)}</text>\n");
        b.Append("</g>\n");
        b.Append($"<line class=\"axis-line\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"currentColor\"/>\n");
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            if (s.Points.Count == 0) continue;
            var name = SvgText.Escape(s.Name);
            if (s.Points.Count == 1)
                b.Append($"<circle class=\"series series-{i}\" cx=\"{SvgText.Number(X(s.Points[0].At))}\" cy=\"{SvgText.Number(Y(s.Points[0].Value))}\" r=\"3\" fill=\"currentColor\"><title>{name}</title></circle>\n");
            else
                b.Append($"<polyline class=\"series series-{i}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"{string.Join(' ', s.Points.Select(p => $"{SvgText.Number(X(p.At))},{SvgText.Number(Y(p.Value))}"))}\"><title>{name}</title></polyline>\n");
        }
        if (series.Count > 1)
        {
            b.Append("<g class=\"legend\" font-size=\"11\" font-family=\"sans-serif\">\n");
            for (var i = 0; i < series.Count; i++)
                b.Append($"<text class=\"series series-{i}\" x=\"{Width - Right}\" y=\"{Top + 10 + (i * 14)}\" text-anchor=\"end\" fill=\"currentColor\">{SvgText.Escape(series[i].Name)}</text>\n");
            b.Append("</g>\n");
        }
        return b.Append("</svg>\n").ToString();

        string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
