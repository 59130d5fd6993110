using System.Diagnostics;
using System.Text;

namespace Jaga.Core.Tests.Plan;

/// <summary>Hostile or broken plans are refused quickly instead of hanging or crashing validation.</summary>
public sealed class PlanLimitsTests
{
    [Fact]
    public void Alias_bomb_is_refused_at_once()
    {
        var yaml = new StringBuilder(Plans.Header).Append("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var watch = Stopwatch.StartNew();
        var result = Plans.Load(yaml.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains("the plan expands to more than 100,000 values", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Deep_flow_nesting_is_refused_with_its_position()
    {
        var result = Plans.Load(Plans.Header + "backup: " + new string('[', 20_000) + "\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal("nested more than 64 levels deep", error.Message);
        Assert.Equal(3, error.At.Line);
    }

    [Theory]
    [InlineData("state: mysql://root@db/jaga", "state: 'mysql://root@db/jaga' is neither a SQLite file path nor a postgres:// URL")]
    [InlineData("state: postgres:///jaga", "state: 'postgres:///jaga' is not a valid postgres:// URL (it needs a host)")]
    public void State_must_be_a_path_or_a_postgres_url(string line, string message)
    {
        var result = Plans.Load(Plans.Header + line + "\n");
        Assert.Equal(message, Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("state: .jaga/state.db")]
    [InlineData("state: sqlite:.jaga/state.db")]
    [InlineData("state: postgres://jaga:pw@db:5432/jaga")]
    public void State_accepts_paths_and_postgres_urls(string line) =>
        Assert.Empty(Plans.Load(Plans.Header + line + "\n").Errors);
}
