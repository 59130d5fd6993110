using Jaga.Core.Interpolation;

namespace Jaga.Core.Tests.Interpolation;

public sealed class InterpolatorTests
{
    private static readonly Dictionary<string, VariableValue> Variables = new()
    {
        ["HOST"] = new("db.internal", false),
        ["PASSWORD"] = new("s3cret-pass", true),
        ["EMPTY"] = new("", false),
    };

    private static Interpolator.Result Expand(string text) =>
        Interpolator.Expand(text, name => Variables.TryGetValue(name, out var v) ? v : null);

    [Theory]
    [InlineData("${HOST}", "db.internal")]
    [InlineData("postgres://app@${HOST}:5432/shop", "postgres://app@db.internal:5432/shop")]
    [InlineData("${HOST}${HOST}", "db.internaldb.internal")]
    [InlineData("[${EMPTY}]", "[]")]
    public void Variables_are_replaced_by_their_values(string text, string expected)
    {
        var result = Expand(text);

        Assert.Equal(expected, result.Value);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("${HOST:-fallback}", "db.internal")]
    [InlineData("${EMPTY:-fallback}", "")]
    [InlineData("${MISSING:-a:-b}", "a:-b")]
    public void Default_is_used_only_when_the_variable_is_unset(string text, string expected)
    {
        var result = Expand(text);

        Assert.Equal(expected, result.Value);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData("$${HOST}", "${HOST}")]
    [InlineData("echo $${HOME} ${HOST}", "echo ${HOME} db.internal")]
    [InlineData("cost $5 and $HOST", "cost $5 and $HOST")]
    [InlineData("ends with $", "ends with $")]
    [InlineData("$$ stays", "$$ stays")]
    public void Dollar_brace_after_a_dollar_and_a_lone_dollar_are_literal(string text, string expected)
    {
        var result = Expand(text);

        Assert.Equal(expected, result.Value);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Missing_variables_are_listed_with_their_offsets()
    {
        var result = Expand("a ${X} b ${HOST} c ${Y}");

        Assert.Equal("a  b db.internal c ", result.Value);
        Assert.Equal(
            [new Interpolator.Missing("X", 2, "variable X is not set"), new Interpolator.Missing("Y", 19, "variable Y is not set")],
            result.Missing);
    }

    [Fact]
    public void Empty_name_is_reported()
    {
        Assert.Equal(new Interpolator.Missing("", 4, "empty variable name in '${}'"), Assert.Single(Expand("abc ${}").Missing));
    }

    [Fact]
    public void Unterminated_variable_is_reported_and_stops_expansion()
    {
        var result = Expand("pre ${HOST and ${HOST");

        Assert.Equal("pre ", result.Value);
        Assert.Equal(new Interpolator.Missing("HOST and ${HOST", 4, "'${' is not closed with '}'"), Assert.Single(result.Missing));
    }

    [Fact]
    public void Secret_values_are_reported_so_they_can_be_redacted()
    {
        var result = Expand("postgres://app:${PASSWORD}@${HOST}/shop");

        Assert.True(result.Secret);
        Assert.Equal(["s3cret-pass"], result.SecretValues);
        Assert.False(Expand("${HOST}").Secret);
    }

    [Fact]
    public void Text_without_a_dollar_is_returned_as_is()
    {
        const string text = "no variables here";

        Assert.Same(text, Expand(text).Value);
    }
}
