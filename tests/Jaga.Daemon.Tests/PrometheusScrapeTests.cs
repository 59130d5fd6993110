using Jaga.Core.Metrics;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>A real Prometheus scrapes what <see cref="PrometheusText"/> writes, served by Kestrel, and reads back the
/// values and label values exactly: the proof that our writer's escaping and value format are the ones Prometheus
/// parses, not only the ones our own tests expect.</summary>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Every character the format escapes in a label value, plus text it must leave alone.
    private static readonly Dictionary<string, string> Tricky = new()
    {
        ["quoted"] = "say \"hi\"",
        ["backslash"] = "C:\\backups\\db\\",
        ["newline"] = "line one\nline two",
        ["unicode"] = "Jakarta – čšž 日本 🙂",
        ["syntax"] = "{a=\"b\"}, # not a comment",
    };

    private static PrometheusText Document()
    {
        var doc = new PrometheusText();
        doc.Declare("jaga_test_info", "Labels with \"quotes\", a back\\slash and a\nline feed in the help.", MetricType.Gauge)
            .Add(1, [.. Tricky.Select(kv => (kv.Key, kv.Value))]);
        doc.Declare("jaga_test_runs_total", "Runs per job.", MetricType.Counter)
            .Add(3, ("job_name", "db"))
            .Add(12, ("job_name", "files"));
        doc.Declare("jaga_test_value", "Special values.", MetricType.Gauge)
            .Add(0.1, ("kind", "fraction"))
            .Add(1.7e20, ("kind", "large"))
            .Add(-2.5e-7, ("kind", "small"))
            .Add(double.PositiveInfinity, ("kind", "plus_inf"))
            .Add(double.NegativeInfinity, ("kind", "minus_inf"))
            .Add(double.NaN, ("kind", "nan"));
        doc.Declare("jaga_test_untyped", "", MetricType.Untyped).Add(7);
        doc.Declare("jaga_test_lag_seconds", "A histogram.", MetricType.Histogram)
            .AddHistogram([0.005, 0.1, 1], [2, 8, 10], 10, 2.5, ("node", "a"));
        return doc;
    }

    [Fact]
    public async Task Real_prometheus_scrapes_the_document_and_reads_values_and_label_values_exactly()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync(Document);
        await using var prometheus = await PrometheusServer.StartAsync(endpoint.Target);

        var target = await prometheus.WaitForScrapeAsync(Wait);
        Assert.True(target.IsUp, $"target {target.ScrapeUrl} is {target.Health}: {target.LastError}");
        Assert.Equal("", target.LastError);
        Assert.Equal($"http://{endpoint.Target}/metrics", target.ScrapeUrl);
        Assert.Equal(1, await prometheus.WaitForValueAsync($"up{{job=\"{PrometheusServer.JobName}\"}}", Wait));
        Assert.True(endpoint.Requests > 0);

        var info = Assert.Single(await prometheus.QuerySamplesAsync("jaga_test_info"));
        Assert.Equal(1, info.Value);
        foreach (var (name, value) in Tricky)
            Assert.Equal(value, info.Labels[name]);
        // Nothing more than the labels we wrote and those Prometheus adds: no label was split or merged.
        Assert.Equal(Tricky.Keys.Concat(["__name__", "instance", "job"]).Order(StringComparer.Ordinal), info.Labels.Keys.Order(StringComparer.Ordinal));

        // A query can also select by the tricky values, as PromQL strings escape them.
        Assert.Equal(1, await prometheus.QueryAsync("jaga_test_info{newline=\"line one\\nline two\", backslash=\"C:\\\\backups\\\\db\\\\\", quoted=\"say \\\"hi\\\"\"}"));

        Assert.Equal(3, await prometheus.QueryAsync("jaga_test_runs_total{job_name=\"db\"}"));
        Assert.Equal(12, await prometheus.QueryAsync("jaga_test_runs_total{job_name=\"files\"}"));
        Assert.Equal(0.1, await prometheus.QueryAsync("jaga_test_value{kind=\"fraction\"}"));
        Assert.Equal(1.7e20, await prometheus.QueryAsync("jaga_test_value{kind=\"large\"}"));
        Assert.Equal(-2.5e-7, await prometheus.QueryAsync("jaga_test_value{kind=\"small\"}"));
        Assert.Equal(double.PositiveInfinity, await prometheus.QueryAsync("jaga_test_value{kind=\"plus_inf\"}"));
        Assert.Equal(double.NegativeInfinity, await prometheus.QueryAsync("jaga_test_value{kind=\"minus_inf\"}"));
        Assert.True(double.IsNaN((await prometheus.QueryAsync("jaga_test_value{kind=\"nan\"}"))!.Value));
        Assert.Equal(7, await prometheus.QueryAsync("jaga_test_untyped"));
        Assert.Null(await prometheus.QueryAsync("jaga_test_absent"));

        // The histogram as Prometheus reads it: buckets by their le, sum and count, and a quantile from the buckets
        // (the median falls in the (0.005, 0.1] bucket: 3 of its 6 observations in, linearly 0.005 + 3/6 × 0.095).
        Assert.Equal(8, await prometheus.QueryAsync("jaga_test_lag_seconds_bucket{le=\"0.1\"}"));
        Assert.Equal(10, await prometheus.QueryAsync("jaga_test_lag_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal(2.5, await prometheus.QueryAsync("jaga_test_lag_seconds_sum"));
        Assert.Equal(10, await prometheus.QueryAsync("jaga_test_lag_seconds_count"));
        Assert.Equal(0.0525, await prometheus.QueryAsync("histogram_quantile(0.5, jaga_test_lag_seconds_bucket)") ?? 0, 6);
    }

    [Fact]
    public async Task Target_that_serves_nothing_is_reported_down_with_its_error()
    {
        await using var endpoint = await MetricsEndpoint.StartAsync(Document);
        await using var prometheus = await PrometheusServer.StartAsync(endpoint.Target, "/nothing-here");

        var target = await prometheus.WaitForScrapeAsync(Wait);
        // On a loaded machine a scrape can hit its 1 s timeout before the 404 comes back: wait for one that got its answer.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!target.LastError.Contains("404", StringComparison.Ordinal) && clock.Elapsed < Wait)
        {
            await Task.Delay(500);
            target = await prometheus.WaitForScrapeAsync(Wait);
        }

        Assert.Equal("down", target.Health);
        Assert.Contains("404", target.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await prometheus.WaitForValueAsync($"up{{job=\"{PrometheusServer.JobName}\"}}", Wait));
    }
}
