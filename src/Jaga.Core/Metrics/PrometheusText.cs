using System.Globalization;

namespace Jaga.Core.Metrics;

/// <summary>A document in the Prometheus text exposition format 0.0.4, as a <c>/metrics</c> endpoint serves it:
/// families in the order they were declared, each with one <c># HELP</c> and <c># TYPE</c> and then its samples.
/// Names are checked and label values escaped as samples are added; no timestamps (the server stamps the scrape).
/// Not thread-safe: build one per scrape.</summary>
/// <example><code>
/// var doc = new PrometheusText();
/// doc.Declare("jaga_job_last_success_timestamp_seconds", "When the job last succeeded.", MetricType.Gauge)
///    .Add(1.7e9, ("job", "db"));
/// return Results.Text(doc.ToString(), PrometheusText.ContentType);
/// </code></example>
public sealed class PrometheusText
{
    /// <summary>The <c>Content-Type</c> of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly List<MetricFamily> families = [];
    private readonly Dictionary<string, MetricFamily> byName = new(StringComparer.Ordinal);

    /// <summary>The families, in the order they were declared.</summary>
    public IReadOnlyList<MetricFamily> Families => families;

    /// <summary>Declares a family, or returns the one already declared with the same name, help and type.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid metric name, or the name was declared
    /// before with another help or type (Prometheus accepts one HELP and TYPE per family).</exception>
    public MetricFamily Declare(string name, string help, MetricType type)
    {
        PrometheusNames.ValidateMetric(name);
        ArgumentNullException.ThrowIfNull(help);
        if (byName.TryGetValue(name, out var known))
        {
            if (known.Help != help || known.Type != type)
                throw new ArgumentException($"metric '{name}' is already declared with another help or type", nameof(name));
            return known;
        }
        var family = new MetricFamily(name, help, type);
        families.Add(family);
        byName.Add(name, family);
        return family;
    }

    /// <summary>Writes the document; every line ends in a line feed.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var family in families) family.WriteTo(writer);
    }

    /// <summary>The document as text.</summary>
    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }
}
