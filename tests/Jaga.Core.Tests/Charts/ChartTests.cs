using System.Globalization;
using System.Xml.Linq;
using Jaga.Core.Charts;
using Jaga.Core.Messages;

namespace Jaga.Core.Tests.Charts;

/// <summary>The dashboard's SVG charts: the same bytes for the same input (snapshots) in every culture, well-formed and
/// accessible, and a hostile name shown as text, never as markup.</summary>
public sealed class ChartTests
{
    private const string Hostile = "<script>alert('x')</script>\" onmouseover=\"alert(1)\" & ]]> \u0001";

    private static XElement Parse(string svg) => XElement.Parse(svg);

    [Fact]
    public void A_response_time_chart_matches_its_snapshot() => Snapshot.Match("response-time", ChartSamples.ResponseTimes().Render(Catalog.English));

    [Fact]
    public void A_backup_size_chart_of_two_series_matches_its_snapshot_in_Indonesian() => Snapshot.Match("backup-sizes.id", ChartSamples.BackupSizes().Render(Catalog.Indonesian));

    [Fact]
    public void Ninety_days_of_uptime_bars_match_their_snapshot() => Snapshot.Match("uptime", new UptimeBars("api-uptime", "api", ChartSamples.Uptime()).Render(Catalog.English));

    [Fact]
    public void Gauges_match_their_snapshots()
    {
        Snapshot.Match("gauge-cpu", new Gauge("cpu", "CPU", 0.42, 0.9).Render(Catalog.English));
        Snapshot.Match("gauge-disk-over", new Gauge("disk-root", "disk /", 0.93, 0.9).Render(Catalog.English));
        Snapshot.Match("gauge-unknown", new Gauge("ram", "RAM", null, null).Render(Catalog.Indonesian));
    }

    [Fact]
    public void An_empty_chart_says_there_is_no_data_yet()
    {
        var svg = new LineChart("empty", "Response time", [new LineSeries("api", [])], ChartUnit.Milliseconds, TimeZoneInfo.Utc).Render(Catalog.English);

        var root = Parse(svg);
        Assert.Equal("No data yet", root.Elements().Single(e => e.Name.LocalName == "desc").Value);
        Assert.Contains("No data yet", root.Elements().Single(e => e.Name.LocalName == "text").Value, StringComparison.Ordinal);
    }

    /// <summary>Jaga runs in globalization-invariant mode, where only the invariant culture exists; a copy of it with a
    /// comma for the decimal point, a dot between thousands and a Unicode minus stands for every culture that writes numbers
    /// another way.</summary>
    [Fact]
    public void Output_is_the_same_whatever_the_current_culture_writes_numbers_like()
    {
        var invariant = Render();
        var other = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        other.NumberFormat.NumberDecimalSeparator = ",";
        other.NumberFormat.NumberGroupSeparator = ".";
        other.NumberFormat.PercentDecimalSeparator = ",";
        other.NumberFormat.NegativeSign = "\u2212";
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = other;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            Assert.Equal(invariant, Render());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }

        static string Render() => ChartSamples.ResponseTimes().Render(Catalog.English) + ChartSamples.BackupSizes().Render(Catalog.English)
            + new UptimeBars("u", "api", ChartSamples.Uptime()).Render(Catalog.English) + new Gauge("g", "CPU", 0.425, 0.9).Render(Catalog.English)
            + new LineChart("n", "negative", [new LineSeries("x", [new(ChartSamples.Midnight, -2.5), new(ChartSamples.Midnight.AddHours(1), 1.25)])], ChartUnit.Number, TimeZoneInfo.Utc).Render(Catalog.English);
    }

    [Fact]
    public void Every_chart_is_an_image_with_a_title_and_a_description_it_points_to()
    {
        foreach (var svg in new[]
                 {
                     ChartSamples.ResponseTimes().Render(Catalog.English), new UptimeBars("api uptime!", "api", ChartSamples.Uptime()).Render(Catalog.English),
                     new Gauge("CPU", "CPU", 0.1, null).Render(Catalog.English),
                 })
        {
            var root = Parse(svg);
            Assert.Equal("img", (string?)root.Attribute("role"));
            var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
            foreach (var id in ids)
            {
                Assert.Matches("^[a-z][a-z0-9-]*$", id);
                var labelled = root.Elements().Single(e => (string?)e.Attribute("id") == id);
                Assert.Contains(labelled.Name.LocalName, new[] { "title", "desc" });
                Assert.False(string.IsNullOrWhiteSpace(labelled.Value));
            }
            Assert.DoesNotMatch("#[0-9a-fA-F]{3,8}\\b|rgb\\(", svg);
        }
    }

    [Fact]
    public void A_hostile_check_name_stays_text_in_titles_legends_and_labels()
    {
        string[] rendered =
        [
            new LineChart(Hostile, Hostile, [new LineSeries(Hostile, [new(ChartSamples.Midnight, 1), new(ChartSamples.Midnight.AddHours(1), 2)]), new LineSeries("b", [])], ChartUnit.Number, TimeZoneInfo.Utc).Render(Catalog.English),
            new UptimeBars(Hostile, Hostile, ChartSamples.Uptime(3)).Render(Catalog.English),
            new Gauge(Hostile, Hostile, 0.5, 0.9).Render(Catalog.English),
        ];

        foreach (var svg in rendered)
        {
            var root = Parse(svg);
            Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "script" || e.Attributes().Any(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)));
            Assert.Contains(root.Descendants(), e => e.Value.Contains("<script>alert('x')</script>\" onmouseover=", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(new[] { 0.0, 87 }, 0, 100, 20)]
    [InlineData(new[] { 12.0, 13.5 }, 0, 15, 5)]
    [InlineData(new[] { 0.2, 0.7 }, 0, 0.8, 0.2)]
    [InlineData(new[] { -3.0, 4 }, -4, 4, 2)]
    [InlineData(new[] { 5.0, 5 }, 0, 5, 1)]
    [InlineData(new double[0], 0, 1, 0.2)]
    [InlineData(new[] { 1.2e9, 1.635e9 }, 0, 2e9, 5e8)]
    public void Value_ticks_are_round_and_cover_every_value(double[] values, double min, double max, double step)
    {
        var scale = NiceScale.For(values);

        Assert.Equal(new NiceScale(min, max, step), scale);
        Assert.All(scale.Ticks(), t => Assert.Equal(t, Math.Round(t / step) * step, 9));
        Assert.Equal(min, scale.Ticks()[0]);
        Assert.Equal(max, scale.Ticks()[^1]);
    }

    [Theory]
    [InlineData(1499.0, ChartUnit.Milliseconds, "1.5 s")]
    [InlineData(250.0, ChartUnit.Milliseconds, "250 ms")]
    [InlineData(1_500_000_000.0, ChartUnit.Bytes, "1.5 GB")]
    [InlineData(999.0, ChartUnit.Bytes, "999 B")]
    [InlineData(0.995, ChartUnit.Share, "99.5%")]
    [InlineData(-0.0001, ChartUnit.Number, "0")]
    public void Tick_labels_are_written_in_their_unit(double value, ChartUnit unit, string label) => Assert.Equal(label, NiceScale.Label(value, unit));

    [Fact]
    public void Time_ticks_fall_on_whole_local_hours_and_midnights_in_the_plans_zone()
    {
        var from = ChartSamples.Midnight.AddMinutes(-20);   // 23:40 in Jakarta
        var day = TimeAxis.Ticks(from, from.AddHours(24), ChartSamples.Jakarta);
        var month = TimeAxis.Ticks(from, from.AddDays(30), ChartSamples.Jakarta);

        Assert.Equal(["00:00", "06:00", "12:00", "18:00"], day.Select(t => t.Label));
        Assert.Equal(ChartSamples.Midnight, day[0].At);
        Assert.All(month, t => Assert.Equal(TimeSpan.Zero, TimeZoneInfo.ConvertTime(t.At, ChartSamples.Jakarta).TimeOfDay));
        Assert.Equal("11-15", month[0].Label);
        Assert.InRange(month.Count, 2, 6);
    }

    [Fact]
    public void A_days_bar_class_follows_its_uptime_and_a_percentage_is_never_rounded_up_to_100()
    {
        Assert.Equal("none", UptimeBars.Class(new(default, 0, 0, true)));
        Assert.Equal("ok", UptimeBars.Class(new(default, 1000, 999, true)));
        Assert.Equal("degraded", UptimeBars.Class(new(default, 1000, 998, true)));
        Assert.Equal("down", UptimeBars.Class(new(default, 100, 94, true)));
        Assert.Equal("99.99%", UptimeBars.Percent(0.99999));
        Assert.Equal("100%", UptimeBars.Percent(1));
    }

    [Fact]
    public void A_gauge_is_near_within_a_tenth_of_its_limit_and_over_at_it()
    {
        Assert.Equal("ok", new Gauge("g", "CPU", 0.80, 0.9).Level);
        Assert.Equal("near", new Gauge("g", "CPU", 0.81, 0.9).Level);
        Assert.Equal("over", new Gauge("g", "CPU", 0.90, 0.9).Level);
        Assert.Equal("ok", new Gauge("g", "CPU", 0.99, null).Level);
        Assert.Equal("unknown", new Gauge("g", "CPU", null, 0.9).Level);
    }

    [Fact]
    public void Ids_keep_letters_digits_and_dashes_and_never_start_with_a_digit()
    {
        Assert.Equal("api-uptime", SvgText.Id("API uptime"));
        Assert.Equal("c-90d", SvgText.Id("90d"));
        Assert.Equal("c-", SvgText.Id("<>"));
    }
}
