using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>The daemon's HTTP side as a real process serves it: health and readiness, <c>/metrics</c> as a real Prometheus
/// reads it, and heartbeat pings by URL and by <c>jaga ping</c>, each stored in <c>pings</c> and written to the log.</summary>
public sealed class DaemonHttpTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    private static string Body(string heartbeat) => $$"""
        backup:
          - name: files
            source: { files: [data/] }
            every: 2s
            to: [local]
        monitoring:
          checks:
            - name: nightly
              heartbeat: {{heartbeat}}
        """;

    [Fact]
    public async Task Healthz_and_readyz_answer_200_and_a_real_prometheus_reads_the_job_as_ok_and_the_build_info()
    {
        project.WritePlan(Body("{ every: 1h }"));
        using var daemon = await project.StartAsync();

        Assert.Equal((200, "ok\n"), await project.GetAsync("/healthz"));
        Assert.Equal((200, "ready\n"), await project.GetAsync("/readyz"));

        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{project.Port}");
        var target = await prometheus.WaitForScrapeAsync(Wait);
        Assert.True(target.IsUp, $"{target.ScrapeUrl} is {target.Health}: {target.LastError}");
        // The daemon labels its series jaga_job="backup:files": "job" is Prometheus' own target label, which stays "jaga".
        // Filtered with == 1, so the wait ends only once a run has succeeded and been scraped.
        Assert.Equal(1, await prometheus.WaitForValueAsync("jaga_job_last_run_ok{jaga_job=\"backup:files\"} == 1", Wait));
        // The plan's heartbeat check and the history compaction are jobs too: this looks at the backup's series.
        var ok = Assert.Single(await prometheus.QuerySamplesAsync("jaga_job_last_run_ok{jaga_job=\"backup:files\"}"));
        Assert.Equal(PrometheusServer.JobName, ok.Labels["job"]);
        Assert.Equal("backup", ok.Labels["kind"]);
        Assert.Equal(1, await prometheus.WaitForValueAsync("jaga_build_info", Wait));
        Assert.Equal(1, await prometheus.WaitForValueAsync("jaga_state_store_up", Wait));
        Assert.Equal(1, await prometheus.WaitForValueAsync("jaga_job_last_result{jaga_job=\"backup:files\",result=\"succeeded\"}", Wait));
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task Pings_by_name_are_stored_and_logged_as_success_fail_and_exit_code_and_an_unknown_token_is_404()
    {
        project.WritePlan(Body("{ every: 1h }"));
        using var daemon = await project.StartAsync();

        // Each ping changes the state (waiting -> failed -> up -> failed), so each is logged; a repeat would only be stored.
        Assert.Equal((200, "OK"), await project.GetAsync("/ping/nightly/3"));
        Assert.Equal((200, "OK"), await project.GetAsync("/ping/nightly"));
        Assert.Equal((200, "OK"), await project.GetAsync("/ping/nightly/fail"));
        Assert.Equal(404, await project.StatusAsync("/ping/nosuch"));
        Assert.Equal(404, await project.StatusAsync("/ping/nosuch/fail"));

        var pings = project.Pings("nightly");
        Assert.Equal([("exit", 3L), ("success", null), ("fail", null)], pings.Select(p => (p.Kind, p.Code)));
        Assert.All(pings, p => Assert.StartsWith("http ", p.Via, StringComparison.Ordinal));
        Assert.Empty(project.Pings("nosuch"));
        var log = project.LogLines();
        Assert.Contains(log, l => l.Contains("[INFO] Heartbeat nightly: ok (http", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("[WARN] Heartbeat nightly: fail (http", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("[WARN] Heartbeat nightly: exit 3 (http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_token_set_only_the_token_pings_the_check_and_the_name_is_404()
    {
        const string token = "b7f3c1d9e2a84f06";
        project.WritePlan(Body($"{{ every: 1h, token: {token} }}"));
        using var daemon = await project.StartAsync();

        Assert.Equal(404, await project.StatusAsync("/ping/nightly"));
        Assert.Equal((200, "OK"), await project.GetAsync($"/ping/{token}"));
        Assert.Equal((200, "OK"), await project.GetAsync($"/ping/{token}/start"));

        Assert.Equal(["success", "start"], project.Pings("nightly").Select(p => p.Kind));
        // The token is a secret: it names nothing in the log.
        Assert.DoesNotContain(project.LogLines(), l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jaga_ping_from_the_cli_stores_a_failed_exit_with_a_warn_line_and_an_unknown_name_exits_2_naming_the_checks()
    {
        project.WritePlan(Body("{ every: 1h }"));
        using var daemon = await project.StartAsync();

        var ping = await project.JagaAsync("ping", "nightly", "--exit", "2");
        Assert.True(ping.ExitCode == 0, ping.Output);
        Assert.Contains("[WARN] Heartbeat nightly: exit 2 (cli", ping.Output, StringComparison.Ordinal);
        var stored = Assert.Single(project.Pings("nightly"));
        Assert.Equal(("exit", 2L), (stored.Kind, stored.Code));
        Assert.StartsWith("cli ", stored.Via, StringComparison.Ordinal);
        Assert.Contains(project.LogLines(), l => l.Contains("[WARN] Heartbeat nightly: exit 2 (cli", StringComparison.Ordinal));

        var unknown = await project.JagaAsync("ping", "nosuch");
        Assert.True(unknown.ExitCode == 2, unknown.Output);
        Assert.Contains("'nosuch' is not a heartbeat check", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("heartbeat checks: nightly", unknown.Output, StringComparison.Ordinal);
        Assert.Single(project.Pings("nightly"));
        Assert.False(daemon.HasExited, daemon.Output);
    }
}
