namespace Jaga.Core.Tests.Plan;

/// <summary>Valid but unsafe on a listen address other machines reach: a heartbeat check without a token, and a public
/// <c>/metrics</c>.</summary>
public sealed class PlanWarningsTests
{
    private static string Plan(string listen) => Plans.Header + $$"""
        listen: {{listen}}
        dashboard: { metrics: token }
        monitoring:
          checks:
            - name: nightly
              heartbeat: { every: 1d }
            - name: weekly
              heartbeat: { every: 7d, token: 4kq7x2m9v3b8n5c6 }
        """;

    [Fact]
    public void A_heartbeat_without_token_on_a_reachable_listen_is_warned_about_with_its_position_and_the_fix()
    {
        var plan = Plans.Valid(Plan("0.0.0.0:8080"));

        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(
            "jaga.yaml:8:7: monitoring.checks[0] (nightly): heartbeat without a token, and listen: 0.0.0.0:8080 is reachable from other machines, "
            + "so pings by its name are refused (404) (add a random token, e.g. heartbeat: { ..., token: <output of 'openssl rand -hex 16'> }, or listen on 127.0.0.1)",
            warning.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("localhost:9090")]
    [InlineData("\"[::1]:8080\"")]
    public void On_loopback_a_name_is_a_fine_token_and_nothing_is_warned(string listen) =>
        Assert.Empty(Plans.Valid(Plan(listen)).Warnings);

    [Fact]
    public void Public_metrics_on_a_reachable_listen_is_warned_about_at_the_listen_with_the_fix()
    {
        var plan = Plans.Valid(Plans.Header + "listen: 0.0.0.0:8080\n");

        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(
            "jaga.yaml:3:1: dashboard.metrics: public, and listen: 0.0.0.0:8080 is reachable from other machines, so /metrics shows every job's "
            + "and check's name and state to anyone, without a sign-in (set dashboard: { metrics: token } and give Prometheus an API token "
            + "(jaga token create prometheus --role viewer), or listen on 127.0.0.1)",
            warning.ToString());
        Assert.StartsWith("jaga.yaml:4:14: dashboard.metrics: public",
            Assert.Single(Plans.Valid(Plans.Header + "listen: 0.0.0.0:8080\ndashboard: { metrics: public }\n").Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_behind_a_token_or_on_loopback_is_not_warned_about()
    {
        Assert.Empty(Plans.Valid(Plans.Header + "listen: 0.0.0.0:8080\ndashboard: { metrics: token }\n").Warnings);
        Assert.Empty(Plans.Valid(Plans.Header + "listen: 127.0.0.1:8080\ndashboard: { metrics: public }\n").Warnings);
    }

    [Fact]
    public void The_default_listen_is_loopback() =>
        Assert.Empty(Plans.Valid(Plans.Header + "monitoring:\n  checks:\n    - { name: nightly, heartbeat: { every: 1d } }\n").Warnings);
}
