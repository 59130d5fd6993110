namespace Jaga.Core.Tests.Plan;

public sealed class PlanLoaderEdgeTests
{
    [Fact]
    public void A_required_list_that_is_empty_is_an_error()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: app.db }
                schedule: "0 2 * * *"
                to: []
            """);
        Assert.Equal("backup[0].to: needs at least one item", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_size_below_one_byte_is_not_a_size()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  logs:\n    - { path: \"logs/app/*.log\", max_size: 0.5 }\n");
        Assert.Equal("monitoring.logs[0].max_size: '0.5' is not a size", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_bad_url_is_quoted_back_without_its_password_even_one_with_a_slash()
    {
        var result = Plans.Load(Plans.Header + "migration: { from: \"ftp://app:pa/ss@db/app\", to: \"postgres://app@db/app\" }\n");
        var error = Assert.Single(result.Errors);
        Assert.Contains("'ftp://app:***@db/app' is not a", error.Message);
        Assert.DoesNotContain("pa/ss", error.ToString());
    }
}
