namespace Jaga.Core.Tests.Plan;

/// <summary>Valid but unsafe: a heartbeat check without a token on a listen address other machines reach.</summary>
public sealed class PlanWarningsTests
{
    private static string Plan(string listen) => Plans.Header + $$"""
        listen: {{listen}}
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
            "jaga.yaml:7:7: monitoring.checks[0] (nightly): heartbeat without a token, and listen: 0.0.0.0:8080 is reachable from other machines, "
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
    public void The_default_listen_is_loopback() =>
        Assert.Empty(Plans.Valid(Plans.Header + "monitoring:\n  checks:\n    - { name: nightly, heartbeat: { every: 1d } }\n").Warnings);
}
