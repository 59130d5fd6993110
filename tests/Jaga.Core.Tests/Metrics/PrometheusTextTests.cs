using System.Globalization;
using Jaga.Core.Metrics;

namespace Jaga.Core.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Samples_of_a_family_are_grouped_under_one_help_and_type_in_declaration_order()
    {
        var doc = new PrometheusText();
        var runs = doc.Declare("jaga_runs_total", "Runs started.", MetricType.Counter);
        var up = doc.Declare("jaga_up", "Whether the daemon is up.", MetricType.Gauge);
        runs.Add(3, ("job", "db"));
        up.Add(1);
        runs.Add(5, ("job", "files"));

        Assert.Equal(
            "# HELP jaga_runs_total Runs started.\n" +
            "# TYPE jaga_runs_total counter\n" +
            "jaga_runs_total{job=\"db\"} 3\n" +
            "jaga_runs_total{job=\"files\"} 5\n" +
            "# HELP jaga_up Whether the daemon is up.\n" +
            "# TYPE jaga_up gauge\n" +
            "jaga_up 1\n",
            doc.ToString());
    }

    [Fact]
    public void A_histogram_writes_cumulative_buckets_ending_in_plus_inf_then_its_sum_and_count()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_lag_seconds", "Start lag.", MetricType.Histogram)
            .AddHistogram([0.005, 0.1, 1], [2, 5, 5], 6, 12.25, ("node", "a"));

        Assert.Equal(
            "# HELP jaga_lag_seconds Start lag.\n" +
            "# TYPE jaga_lag_seconds histogram\n" +
            "jaga_lag_seconds_bucket{node=\"a\",le=\"0.005\"} 2\n" +
            "jaga_lag_seconds_bucket{node=\"a\",le=\"0.1\"} 5\n" +
            "jaga_lag_seconds_bucket{node=\"a\",le=\"1\"} 5\n" +
            "jaga_lag_seconds_bucket{node=\"a\",le=\"+Inf\"} 6\n" +
            "jaga_lag_seconds_sum{node=\"a\"} 12.25\n" +
            "jaga_lag_seconds_count{node=\"a\"} 6\n",
            doc.ToString());
    }

    [Fact]
    public void A_histogram_refuses_counts_that_are_not_cumulative_bounds_that_do_not_ascend_an_le_label_and_plain_samples()
    {
        var family = new PrometheusText().Declare("jaga_h", "H.", MetricType.Histogram);

        Assert.Throws<ArgumentException>(() => family.AddHistogram([1, 2], [3, 2], 3, 1));
        Assert.Throws<ArgumentException>(() => family.AddHistogram([1, 2], [1, 2], 1, 1));
        Assert.Throws<ArgumentException>(() => family.AddHistogram([2, 1], [1, 2], 2, 1));
        Assert.Throws<ArgumentException>(() => family.AddHistogram([1], [1, 2], 2, 1));
        Assert.Throws<ArgumentException>(() => family.AddHistogram([1], [1], 1, 1, ("le", "x")));
        Assert.Throws<InvalidOperationException>(() => family.Add(1));
        Assert.Throws<InvalidOperationException>(() => new PrometheusText().Declare("jaga_g", "G.", MetricType.Gauge).AddHistogram([1], [1], 1, 1));
        family.AddHistogram([1], [1], 1, 0.5, ("node", "a"));
        Assert.Throws<ArgumentException>(() => family.AddHistogram([1], [1], 1, 0.5, ("node", "a")));
    }

    [Fact]
    public void Declaring_a_family_again_with_the_same_help_and_type_returns_the_same_family()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_x", "X.", MetricType.Gauge).Add(1, ("a", "1"));
        doc.Declare("jaga_x", "X.", MetricType.Gauge).Add(2, ("a", "2"));

        var family = Assert.Single(doc.Families);
        Assert.Equal(2, family.Count);
        Assert.Equal(1, doc.ToString().Split('\n').Count(l => l.StartsWith("# TYPE", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Other help.", MetricType.Gauge)]
    [InlineData("X.", MetricType.Counter)]
    public void Declaring_a_family_again_with_another_help_or_type_is_refused(string help, MetricType type)
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_x", "X.", MetricType.Gauge);

        Assert.Throws<ArgumentException>(() => doc.Declare("jaga_x", help, type));
    }

    [Fact]
    public void Untyped_family_is_written_as_untyped_and_empty_help_is_left_out()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_thing", "", MetricType.Untyped).Add(7);

        Assert.Equal("# TYPE jaga_thing untyped\njaga_thing 7\n", doc.ToString());
    }

    [Fact]
    public void Help_escapes_backslash_and_line_feed_but_not_quotes()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_x", "a \\ b\nc \"q\"", MetricType.Gauge);

        Assert.StartsWith("# HELP jaga_x a \\\\ b\\nc \"q\"\n", doc.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed_and_keep_other_text_as_is()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_x", "X.", MetricType.Gauge).Add(1, ("path", "C:\\dir\\"), ("say", "\"hi\""), ("text", "one\ntwo"), ("name", "Jakarta – čšž 日本 {a=b}, #"));

        Assert.EndsWith(
            "jaga_x{path=\"C:\\\\dir\\\\\",say=\"\\\"hi\\\"\",text=\"one\\ntwo\",name=\"Jakarta – čšž 日本 {a=b}, #\"} 1\n",
            doc.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(42.0, "42")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.7e-9, "1.7E-09")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void Values_are_written_invariantly_with_Go_names_for_nan_and_infinities(double value, string expected)
    {
        Assert.Equal(expected, MetricFamily.FormatValue(value));
    }

    [Fact]
    public void Values_round_trip_exactly()
    {
        foreach (var value in new[] { 0.1 + 0.2, 1.0 / 3, double.MaxValue, double.Epsilon, 1_700_000_000.123 })
            Assert.Equal(value, double.Parse(MetricFamily.FormatValue(value), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Values_do_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture.Clone() is CultureInfo c
                ? SetDecimalComma(c)
                : throw new InvalidOperationException();
            var doc = new PrometheusText();
            doc.Declare("jaga_x", "X.", MetricType.Gauge).Add(1.5);

            Assert.EndsWith("jaga_x 1.5\n", doc.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Write_to_uses_line_feeds_whatever_the_writer_new_line()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_x", "X.", MetricType.Gauge).Add(1);
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

        doc.WriteTo(writer);

        Assert.Equal("# HELP jaga_x X.\n# TYPE jaga_x gauge\njaga_x 1\n", writer.ToString());
    }

    [Fact]
    public void Empty_document_is_empty_text()
    {
        Assert.Equal("", new PrometheusText().ToString());
    }

    [Theory]
    [InlineData("jaga_up")]
    [InlineData("_x")]
    [InlineData(":x")]
    [InlineData("job:jaga_runs:rate5m")]
    [InlineData("A9")]
    public void Valid_metric_names_are_accepted(string name)
    {
        new PrometheusText().Declare(name, "", MetricType.Gauge);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9x")]
    [InlineData("jaga-up")]
    [InlineData("jaga up")]
    [InlineData("jaga.up")]
    [InlineData("jagä")]
    public void Invalid_metric_names_are_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new PrometheusText().Declare(name, "", MetricType.Gauge));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9x")]
    [InlineData("a:b")]
    [InlineData("a-b")]
    [InlineData("__name__")]
    [InlineData("__x")]
    [InlineData("ö")]
    public void Invalid_or_reserved_label_names_are_refused(string name)
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);

        Assert.Throws<ArgumentException>(() => family.Add(1, (name, "v")));
        Assert.Equal(0, family.Count);
    }

    [Theory]
    [InlineData("job")]
    [InlineData("_x")]
    [InlineData("x_1")]
    [InlineData("A")]
    public void Valid_label_names_are_accepted(string name)
    {
        Assert.True(PrometheusNames.IsValidLabelName(name));
        new PrometheusText().Declare("jaga_x", "", MetricType.Gauge).Add(1, (name, "v"));
    }

    [Fact]
    public void A_label_given_twice_in_one_sample_is_refused()
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);

        Assert.Throws<ArgumentException>(() => family.Add(1, ("job", "a"), ("job", "b")));
    }

    [Fact]
    public void A_second_sample_with_the_same_labels_in_any_order_is_refused()
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);
        family.Add(1, ("a", "1"), ("b", "2"));

        Assert.Throws<ArgumentException>(() => family.Add(2, ("b", "2"), ("a", "1")));
        family.Add(3, ("a", "1"), ("b", "3"));
        Assert.Equal(2, family.Count);
    }

    [Fact]
    public void A_second_sample_without_labels_is_refused()
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);
        family.Add(1);

        Assert.Throws<ArgumentException>(() => family.Add(2));
    }

    [Fact]
    public void Label_values_that_differ_only_by_separators_are_distinct_series()
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);
        family.Add(1, ("a", "x\nb"), ("c", "y"));
        family.Add(2, ("a", "x"), ("b", "c\ny"));

        Assert.Equal(2, family.Count);
    }

    [Fact]
    public void A_label_with_an_empty_value_is_the_same_series_as_no_label()
    {
        var family = new PrometheusText().Declare("jaga_x", "", MetricType.Gauge);
        family.Add(1, ("a", "1"));

        Assert.Throws<ArgumentException>(() => family.Add(2, ("a", "1"), ("b", "")));
    }

    private static CultureInfo SetDecimalComma(CultureInfo culture)
    {
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.PositiveInfinitySymbol = "∞";
        return culture;
    }
}
