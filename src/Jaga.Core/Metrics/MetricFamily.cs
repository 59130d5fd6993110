using System.Globalization;
using System.Text;

namespace Jaga.Core.Metrics;

/// <summary>One metric family of a <see cref="PrometheusText"/> document: a name, its help and type, and its samples,
/// written together under one <c># HELP</c> and <c># TYPE</c>. Made by <see cref="PrometheusText.Declare"/>.</summary>
public sealed class MetricFamily
{
    private readonly List<(string Suffix, string Labels, double Value)> samples = [];
    private readonly HashSet<string> labelSets = new(StringComparer.Ordinal);

    internal MetricFamily(string name, string help, MetricType type)
    {
        Name = name;
        Help = help;
        Type = type;
    }

    /// <summary>The metric name, as the samples are written.</summary>
    public string Name { get; }

    /// <summary>The help text, unescaped.</summary>
    public string Help { get; }

    /// <summary>The type written in <c># TYPE</c>.</summary>
    public MetricType Type { get; }

    /// <summary>How many samples the family has (a histogram has one per bucket, the <c>+Inf</c> one, its sum and its count).</summary>
    public int Count => samples.Count;

    /// <summary>Adds a sample with the given labels (any order; values any text, escaped when written).</summary>
    /// <returns>This family, to add the next sample.</returns>
    /// <exception cref="ArgumentException">A label name is not a valid Prometheus label name (or is reserved, starting
    /// with <c>__</c>), a label is given twice, or the family already has a sample with the same labels (Prometheus
    /// would drop one of the two).</exception>
    public MetricFamily Add(double value, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        if (Type == MetricType.Histogram) throw new InvalidOperationException($"metric '{Name}' is a histogram: add its samples with AddHistogram");
        samples.Add(("", Labels(labels, null), value));
        return this;
    }

    /// <summary>Adds one histogram (a <see cref="MetricType.Histogram"/> family's series): a <c>_bucket</c> sample per upper
    /// bound with its cumulative count, the <c>+Inf</c> bucket (the count), then <c>_sum</c> and <c>_count</c>.</summary>
    /// <param name="bounds">The upper bounds, ascending, without <c>+Inf</c>.</param>
    /// <param name="cumulative">Per bound, how many observations were at most that bound.</param>
    /// <param name="count">How many observations there were in all.</param>
    /// <param name="sum">Their sum.</param>
    /// <param name="labels">The series' labels (not <c>le</c>).</param>
    /// <returns>This family, to add the next series.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Add"/>; or the bounds are not ascending, do not match the
    /// counts, or the counts are not cumulative.</exception>
    public MetricFamily AddHistogram(IReadOnlyList<double> bounds, IReadOnlyList<long> cumulative, long count, double sum,
        params ReadOnlySpan<(string Name, string Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(cumulative);
        if (Type != MetricType.Histogram) throw new InvalidOperationException($"metric '{Name}' is a {TypeName(Type)}, not a histogram");
        if (bounds.Count != cumulative.Count) throw new ArgumentException($"metric '{Name}': {bounds.Count} bounds for {cumulative.Count} counts", nameof(cumulative));
        for (var i = 0; i < bounds.Count; i++)
        {
            if (i > 0 && !(bounds[i] > bounds[i - 1])) throw new ArgumentException($"metric '{Name}': bounds must ascend", nameof(bounds));
            if (cumulative[i] > (i + 1 < bounds.Count ? cumulative[i + 1] : count))
                throw new ArgumentException($"metric '{Name}': bucket counts must be cumulative", nameof(cumulative));
        }
        foreach (var (name, _) in labels)
            if (name == "le") throw new ArgumentException($"metric '{Name}': 'le' is the histogram's own label", nameof(labels));
        var series = Labels(labels, null);
        for (var i = 0; i < bounds.Count; i++) samples.Add(("_bucket", Labels(labels, FormatValue(bounds[i])), cumulative[i]));
        samples.Add(("_bucket", Labels(labels, "+Inf"), count));
        samples.Add(("_sum", series, sum));
        samples.Add(("_count", series, count));
        return this;
    }

    /// <summary>The labels as written, checked, with <c>le</c> last when given; throws when the family has a series with
    /// the same labels already (only once per histogram: its bucket samples share the series).</summary>
    private string Labels(ReadOnlySpan<(string Name, string Value)> labels, string? le)
    {
        var written = new List<(string Name, string Text, bool Empty)>();
        foreach (var (name, labelValue) in labels)
        {
            PrometheusNames.ValidateLabel(name);
            ArgumentNullException.ThrowIfNull(labelValue);
            if (written.Exists(w => w.Name == name)) throw new ArgumentException($"label '{name}' is given twice for metric '{Name}'", nameof(labels));
            var text = new StringBuilder().Append(name).Append("=\"");
            AppendLabelValue(text, labelValue);
            written.Add((name, text.Append('"').ToString(), labelValue.Length == 0));
        }
        if (le is not null) return "{" + string.Join(',', written.Select(w => w.Text).Append($"le=\"{le}\"")) + "}";
        var rendered = written.Count == 0 ? "" : "{" + string.Join(',', written.Select(w => w.Text)) + "}";
        // The same labels in another order are the same series, and so is a label with an empty value and none at
        // all: compare the escaped labels (no raw quote or line feed inside) sorted, without the empty ones.
        var identity = string.Join(',', written.Where(w => !w.Empty).Select(w => w.Text).Order(StringComparer.Ordinal));
        if (!labelSets.Add(identity))
            throw new ArgumentException($"metric '{Name}' already has a sample with labels {(rendered.Length == 0 ? "{}" : rendered)}", nameof(labels));
        return rendered;
    }

    internal void WriteTo(TextWriter writer)
    {
        // Always '\n', never TextWriter.NewLine: the format is line-feed separated on every platform.
        if (Help.Length > 0) writer.Write($"# HELP {Name} {EscapeHelp(Help)}\n");
        writer.Write($"# TYPE {Name} {TypeName(Type)}\n");
        foreach (var (suffix, labels, value) in samples)
            writer.Write($"{Name}{suffix}{labels} {FormatValue(value)}\n");
    }

    /// <summary>A sample value as the format writes it: invariant culture, shortest round-trip form, and Go's
    /// <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c> (.NET would write "Infinity", which Prometheus does not read).</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Gauge => "gauge",
        MetricType.Counter => "counter",
        MetricType.Untyped => "untyped",
        MetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown metric type"),
    };

    /// <summary>HELP escapes only backslash and line feed; a quote stays as it is.</summary>
    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void AppendLabelValue(StringBuilder into, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': into.Append("\\\\"); break;
                case '"': into.Append("\\\""); break;
                case '\n': into.Append("\\n"); break;
                default: into.Append(c); break;
            }
        }
    }
}
