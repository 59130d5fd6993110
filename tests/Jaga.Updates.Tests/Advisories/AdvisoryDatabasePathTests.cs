using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Updates.Tests.Advisories;

public sealed class AdvisoryDatabasePathTests
{
    private static LoadedPlan Plan(string? state)
    {
        var yaml = "version: 1\nproject: toko\n" + (state is null ? "" : $"state: \"{state}\"\n");
        var result = PlanLoader.Load(yaml, "/srv/toko/jaga.yaml", "/srv/toko", new PlanWorld(_ => null, _ => null));
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Plan!;
    }

    [Theory]
    [InlineData(null, "/srv/toko/.jaga/advisories.db")]
    [InlineData("data/jaga.db", "/srv/toko/data/advisories.db")]
    [InlineData("sqlite:/var/lib/jaga/state.db", "/var/lib/jaga/advisories.db")]
    [InlineData("postgres://jaga:pw@db.internal:5432/jaga", "/srv/toko/.jaga/advisories.db")]
    public void The_database_lives_beside_a_SQLite_state_else_in_the_plans_jaga_folder(string? state, string expected) =>
        Assert.Equal(expected, AdvisoryDatabasePath.For(Plan(state)));
}
