using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Daemon.Tests;

/// <summary>The restore drills in the daemon's <c>/metrics</c>, after drills run by hand with the real binary: the last
/// successful drill's time, recovery time and data-loss window per job, and whether the newest drill passed.</summary>
public sealed class DrillMetricsTests : IDisposable
{
    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task Metrics_keep_the_last_successful_drill_figures_and_mark_a_newer_failed_drill_not_ok()
    {
        project.WritePlan("""
            backup:
              - name: files
                source: { files: [data/] }
                schedule: "0 3 1 1 *"
                to: [local]
            """);
        Assert.Equal(0, (await project.JagaAsync("backup", "run", "files")).ExitCode);
        var passed = await project.JagaAsync("drill", "restore", "files", "--json");
        Assert.True(passed.ExitCode == 0, passed.Output);
        var failed = await project.JagaAsync("drill", "restore", "files", "--test", "exit 4");
        Assert.True(failed.ExitCode == 1, failed.Output);

        using var daemon = await project.StartAsync();
        var (status, body) = await project.GetAsync("/metrics");

        Assert.Equal(200, status);
        Assert.Equal(0, Value(body, "jaga_drill_last_ok"));
        Assert.True(Value(body, "jaga_drill_recovery_seconds") > 0, body);
        Assert.True(Value(body, "jaga_drill_data_loss_seconds") >= 0, body);
        var success = DateTimeOffset.FromUnixTimeMilliseconds((long)(Value(body, "jaga_drill_last_success_timestamp_seconds") * 1000));
        Assert.InRange(TimeProvider.System.GetUtcNow() - success, TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(10));
        Assert.Contains("# TYPE jaga_drill_recovery_seconds gauge", body, StringComparison.Ordinal);
    }

    private static double Value(string body, string metric)
    {
        var m = Regex.Match(body, $"^{metric}\\{{jaga_job=\"files\"\\}} (\\S+)$", RegexOptions.Multiline);
        Assert.True(m.Success, $"{metric}{{jaga_job=\"files\"}} is not in:\n{body}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
