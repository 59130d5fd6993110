using Jaga.Core.Interpolation;

namespace Jaga.Core.Tests.Interpolation;

public sealed class EnvFileTests
{
    private static IReadOnlyDictionary<string, string> Values(string text)
    {
        var env = EnvFile.Parse(text, ".env");
        Assert.True(env.Errors.Count == 0, "errors: " + string.Join("; ", env.Errors));
        return env.Values;
    }

    private static EnvFileError SingleError(string text) => Assert.Single(EnvFile.Parse(text, ".env").Errors);

    [Fact]
    public void Comments_and_blank_lines_are_skipped()
    {
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, Values("# top\n\nA=1\n   # indented comment\n\t\nB=2\n"));
    }

    [Fact]
    public void Export_prefix_and_spaces_around_the_equals_sign_are_allowed()
    {
        var values = Values("export A=1\n  export B = two\n");

        Assert.Equal("1", values["A"]);
        Assert.Equal("two", values["B"]);
    }

    [Fact]
    public void Single_quotes_keep_everything_literally()
    {
        Assert.Equal(@"a\nb ${X} ""q"" # not a comment", Values(@"A='a\nb ${X} ""q"" # not a comment'")["A"]);
    }

    [Fact]
    public void Double_quotes_read_escapes()
    {
        Assert.Equal("line1\nline2\ttab \"q\" back\\slash $HOME\r", Values(@"A=""line1\nline2\ttab \""q\"" back\\slash \$HOME\r""")["A"]);
    }

    [Fact]
    public void Double_quotes_may_span_lines_and_the_next_line_after_them_is_read()
    {
        var values = Values("CERT=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n");

        Assert.Equal("-----BEGIN-----\nabc\n-----END-----", values["CERT"]);
        Assert.Equal("1", values["NEXT"]);
    }

    [Theory]
    [InlineData("A=value # comment", "value")]
    [InlineData("A=val#ue", "val#ue")]
    [InlineData("A='x y' # comment", "x y")]
    [InlineData("A=\"x y\" # comment", "x y")]
    [InlineData("A=  spaced value   ", "spaced value")]
    [InlineData("A=", "")]
    [InlineData("A=a=b=c", "a=b=c")]
    public void Unquoted_values_end_at_an_inline_comment_and_are_trimmed(string line, string expected)
    {
        Assert.Equal(expected, Values(line)["A"]);
    }

    [Fact]
    public void Windows_line_endings_do_not_end_up_in_values()
    {
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two words" }, Values("A=1\r\nB=\"two words\"\r\n"));
    }

    [Fact]
    public void A_key_written_twice_keeps_the_last_value()
    {
        Assert.Equal("2", Values("A=1\nA=2\n")["A"]);
    }

    [Theory]
    [InlineData("just words", 1, 1, "expected KEY=value")]
    [InlineData("=value", 1, 1, "expected KEY=value")]
    [InlineData("  1BAD=x", 1, 3, "this is not a variable name (letters, digits and _; not starting with a digit)")]
    [InlineData("MY KEY=1", 1, 1, "this is not a variable name")]
    [InlineData("export 9LIVES=cat", 1, 8, "this is not a variable name")]
    [InlineData("export  9LIVES=cat", 1, 9, "this is not a variable name")]
    [InlineData("A='abc", 1, 3, "unterminated single quote")]
    [InlineData("  A = 'abc", 1, 7, "unterminated single quote")]
    [InlineData("OK=1\nA=\"abc\nB=1\n", 2, 3, "unterminated double quote")]
    public void Bad_line_is_reported_at_its_line_and_column(string text, int line, int column, string message)
    {
        var error = SingleError(text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_after_a_multi_line_value_count_its_lines()
    {
        var error = SingleError("CERT=\"a\nb\nc\"\noops\n");

        Assert.Equal((4, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Good_lines_around_a_bad_one_are_still_read()
    {
        var env = EnvFile.Parse("A=1\noops\nB=2\n", ".env.production");

        Assert.Equal(".env.production", env.Path);
        Assert.Equal(["A", "B"], env.Values.Keys.Order());
        Assert.Equal(2, Assert.Single(env.Errors).Line);
    }
}
