using Jaga.Core.Migration;

namespace Jaga.Migration.Tests;

/// <summary>The one rule by which the import and verify find the target's table or column for the export's.</summary>
public sealed class NameMatchTests
{
    [Theory]
    [InlineData("email", new[] { "Email", "email" }, "email")]
    [InlineData("Email", new[] { "email", "name" }, "email")]
    [InlineData("EMAIL", new[] { "email" }, "email")]
    [InlineData("People", new[] { "people", "orders" }, "people")]
    public void The_exact_name_wins_else_the_one_that_differs_only_in_case(string name, string[] candidates, string found)
    {
        var match = NameMatch.Find(name, candidates);
        Assert.True(match.Found);
        Assert.Equal(found, match.Match);
    }

    [Fact]
    public void Two_names_that_differ_only_in_case_and_neither_exact_are_ambiguous()
    {
        var match = NameMatch.Find("email", ["Email", "EMAIL", "name"]);
        Assert.False(match.Found);
        Assert.True(match.IsAmbiguous);
        Assert.Equal(["EMAIL", "Email"], match.Ambiguous);
    }

    [Fact]
    public void No_name_alike_is_no_match_and_no_ambiguity()
    {
        var match = NameMatch.Find("email", ["mail", "e_mail"]);
        Assert.False(match.Found);
        Assert.False(match.IsAmbiguous);
    }
}
