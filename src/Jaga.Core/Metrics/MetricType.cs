namespace Jaga.Core.Metrics;

/// <summary>The metric types of the Prometheus text format that Jaga writes (no histograms or summaries: the daemon
/// reports states and counts, not distributions).</summary>
public enum MetricType
{
    /// <summary>A value that can go up and down (<c># TYPE name gauge</c>).</summary>
    Gauge,

    /// <summary>A value that only goes up, reset when the process restarts (<c># TYPE name counter</c>).</summary>
    Counter,

    /// <summary>A value of no declared kind (<c># TYPE name untyped</c>).</summary>
    Untyped,
}
