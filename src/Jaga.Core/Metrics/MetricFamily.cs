using System.Globalization;
using System.Text;

namespace Jaga.Core.Metrics;

/// <summary>One metric family of a <see cref="PrometheusText"/> document: a name, its help and type, and its samples,
/// written together under one <c># HELP</c> and <c># TYPE</c>. Made by <see cref="PrometheusText.Declare"/>.</summary>
public sealed class MetricFamily
{
    private readonly List<(string Labels, double Value)> samples = [];
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

    /// <summary>How many samples the family has.</summary>
    public int Count => samples.Count;

    /// <summary>Adds a sample with the given labels (any order; values any text, escaped when written).</summary>
    /// <returns>This family, to add the next sample.</returns>
    /// <exception cref="ArgumentException">A label name is not a valid Prometheus label name (or is reserved, starting
    /// with <c>__</c>), a label is given twice, or the family already has a sample with the same labels (Prometheus
    /// would drop one of the two).</exception>
    public MetricFamily Add(double value, params ReadOnlySpan<(string Name, string Value)> labels)
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
        var rendered = written.Count == 0 ? "" : "{" + string.Join(',', written.Select(w => w.Text)) + "}";
        // The same labels in another order are the same series, and so is a label with an empty value and none at
        // all: compare the escaped labels (no raw quote or line feed inside) sorted, without the empty ones.
        var identity = string.Join(',', written.Where(w => !w.Empty).Select(w => w.Text).Order(StringComparer.Ordinal));
        if (!labelSets.Add(identity))
            throw new ArgumentException($"metric '{Name}' already has a sample with labels {(rendered.Length == 0 ? "{}" : rendered)}", nameof(labels));
        samples.Add((rendered, value));
        return this;
    }

    internal void WriteTo(TextWriter writer)
    {
        // Always '\n', never TextWriter.NewLine: the format is line-feed separated on every platform.
        if (Help.Length > 0) writer.Write($"# HELP {Name} {EscapeHelp(Help)}\n");
        writer.Write($"# TYPE {Name} {TypeName(Type)}\n");
        foreach (var (labels, value) in samples)
            writer.Write($"{Name}{labels} {FormatValue(value)}\n");
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
