using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>While a check's parent (or grandparent) is down, its alerts wait: one alert for the outage, not a storm.</summary>
public sealed class DependenciesTests
{
    private static readonly Check[] Plan =
    [
        Checks.Of("network", "tcp"),
        Checks.Of("db", "postgres", dependsOn: ["network"]),
        Checks.Of("cache", "tcp", dependsOn: ["network"]),
        Checks.Of("api", dependsOn: ["db", "cache"]),
        Checks.Of("web", dependsOn: ["api"]),
    ];

    private static Func<string, CheckStatus> Down(params string[] names) => n => names.Contains(n) ? CheckStatus.Down : CheckStatus.Up;

    [Fact]
    public void A_down_parent_holds_its_child()
    {
        Assert.Equal("db", Dependencies.DownAncestor(Plan, "api", Down("db")));
    }

    [Fact]
    public void A_down_grandparent_holds_through_an_up_parent()
    {
        Assert.Equal("network", Dependencies.DownAncestor(Plan, "web", Down("network")));
    }

    [Fact]
    public void The_nearest_down_ancestor_is_named()
    {
        Assert.Equal("api", Dependencies.DownAncestor(Plan, "web", Down("network", "api")));
    }

    [Fact]
    public void A_check_is_not_held_by_itself_or_by_a_down_child()
    {
        Assert.Null(Dependencies.DownAncestor(Plan, "db", Down("db", "api")));
    }

    [Fact]
    public void Unknown_parents_hold_nothing()
    {
        Assert.Null(Dependencies.DownAncestor(Plan, "web", _ => CheckStatus.Unknown));
    }

    [Fact]
    public void A_cycle_does_not_loop()
    {
        Check[] cyclic = [Checks.Of("a", dependsOn: ["b"]), Checks.Of("b", dependsOn: ["a"])];

        Assert.Null(Dependencies.DownAncestor(cyclic, "a", Down()));
    }
}
