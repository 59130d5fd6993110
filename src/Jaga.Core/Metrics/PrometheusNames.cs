namespace Jaga.Core.Metrics;

/// <summary>The name rules of the Prometheus data model, checked when a document is built so that a bad name fails
/// in a unit test rather than as a scrape error on a server.</summary>
public static class PrometheusNames
{
    /// <summary>Whether <paramref name="name"/> matches <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static bool IsValidMetricName(string? name) => IsValid(name, allowColon: true);

    /// <summary>Whether <paramref name="name"/> matches <c>[a-zA-Z_][a-zA-Z0-9_]*</c> and does not start with
    /// <c>__</c>, which Prometheus reserves for its own labels.</summary>
    public static bool IsValidLabelName(string? name) => IsValid(name, allowColon: false) && !name!.StartsWith("__", StringComparison.Ordinal);

    internal static void ValidateMetric(string name)
    {
        if (!IsValidMetricName(name))
            throw new ArgumentException($"'{name}' is not a valid metric name: it must match [a-zA-Z_:][a-zA-Z0-9_:]*", nameof(name));
    }

    internal static void ValidateLabel(string name)
    {
        if (!IsValidLabelName(name))
            throw new ArgumentException($"'{name}' is not a valid label name: it must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __", nameof(name));
    }

    private static bool IsValid(string? name, bool allowColon)
    {
        if (string.IsNullOrEmpty(name)) return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c == ':' && allowColon) || (i > 0 && c is >= '0' and <= '9');
            if (!ok) return false;
        }
        return true;
    }
}
