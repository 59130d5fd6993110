namespace Jaga.Core.Metrics;

/// <summary>The metric types of the Prometheus text format that Jaga writes (no summaries: a histogram's buckets can be
/// summed across nodes, a summary's quantiles cannot).</summary>
public enum MetricType
{
    /// <summary>A value that can go up and down (<c># TYPE name gauge</c>).</summary>
    Gauge,

    /// <summary>A value that only goes up, reset when the process restarts (<c># TYPE name counter</c>).</summary>
    Counter,

    /// <summary>A value of no declared kind (<c># TYPE name untyped</c>).</summary>
    Untyped,

    /// <summary>Counts of observations per upper bound (<c>name_bucket{le="…"}</c>, cumulative, the last <c>+Inf</c>), their
    /// sum (<c>name_sum</c>) and count (<c>name_count</c>); added with <see cref="MetricFamily.AddHistogram"/>.</summary>
    Histogram,
}
