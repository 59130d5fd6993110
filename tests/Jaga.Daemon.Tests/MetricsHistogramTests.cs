using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary><c>/metrics</c> of a real <c>jaga run</c>: the scheduler's start lag as a Prometheus histogram (buckets by
/// <c>le</c>, sum and count) and each check's newest response time, as the text says and as a real Prometheus reads them.</summary>
public sealed partial class MetricsHistogramTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly DaemonProject project = new();
    private readonly TcpListener target = new(IPAddress.Loopback, 0);

    public MetricsHistogramTests() => target.Start();

    public void Dispose()
    {
        target.Stop();
        target.Dispose();
        project.Dispose();
    }

    [Fact]
    public async Task The_scheduler_lag_is_a_histogram_and_each_check_has_its_newest_response_time()
    {
        var port = ((IPEndPoint)target.LocalEndpoint).Port;
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: port
                  tcp: 127.0.0.1:{{port}}
                  every: 1s
                  expect: ["[CONNECTED] == true", "[IP] == 127.0.0.1"]
            """);
        using var daemon = await project.StartAsync();

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{project.Port}");
        var scraped = await prometheus.WaitForScrapeAsync(Wait);
        Assert.True(scraped.IsUp, $"{scraped.ScrapeUrl} is {scraped.Health}: {scraped.LastError}");
        Assert.Equal(1, await prometheus.WaitForValueAsync("jaga_job_last_run_ok{jaga_job=\"check:port\"} == 1", Wait));
        var count = await prometheus.WaitForValueAsync("jaga_scheduler_lag_seconds_count >= 3", Wait);
        var latency = await prometheus.WaitForValueAsync("jaga_check_response_time_seconds{check=\"port\"}", Wait);
        Assert.InRange(latency, 0, 10);

        var (status, text) = await project.GetAsync("/metrics");
        Assert.Equal(200, status);
        Assert.Contains("# TYPE jaga_scheduler_lag_seconds histogram\n", text, StringComparison.Ordinal);
        var buckets = Bucket().Matches(text).Select(m => (Le: m.Groups["le"].Value, Count: long.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "+Inf"], buckets.Select(b => b.Le));
        Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First.Count <= p.Second.Count), "bucket counts are cumulative");
        var total = long.Parse(Count().Match(text).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, buckets[^1].Count);
        Assert.True(total >= count, $"{total} runs now, {count} before");
        Assert.Matches(@"jaga_scheduler_lag_seconds_sum\{node=""[^""]+""\} [0-9.e-]+\n", text);
        Assert.Matches(@"jaga_check_response_time_seconds\{check=""port""\} [0-9.e-]+\n", text);
        // About one look per instant a job comes due (the check each second, the beats), not a spin before each.
        var passes = long.Parse(Passes().Match(text).Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(passes, 1, 10 * total + 50);

        // Prometheus reads the buckets as a histogram: a quantile comes out within the buckets' range.
        var p99 = await prometheus.WaitForValueAsync("histogram_quantile(0.99, jaga_scheduler_lag_seconds_bucket)", Wait);
        Assert.InRange(p99, 0, 60);
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [GeneratedRegex(@"^jaga_scheduler_passes_total\{node=""[^""]+""\} (?<n>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Passes();

    [GeneratedRegex(@"^jaga_scheduler_lag_seconds_bucket\{node=""[^""]+"",le=""(?<le>[^""]+)""\} (?<n>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Bucket();

    [GeneratedRegex(@"^jaga_scheduler_lag_seconds_count\{node=""[^""]+""\} (?<n>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Count();
}
