using Jaga.Core.Conditions;

namespace Jaga.Core.Tests.Conditions;

/// <summary>Conditions are read once, in Gatus's syntax; a bad one says where and how to fix it.</summary>
public sealed class ConditionParseTests
{
    [Theory]
    [InlineData("[STATUS] == 200", Placeholder.Status, ConditionOperator.Equal, "200")]
    [InlineData("[RESPONSE_TIME] < 500", Placeholder.ResponseTime, ConditionOperator.Less, "500")]
    [InlineData("[BODY].data.status == UP", Placeholder.Body, ConditionOperator.Equal, "UP")]
    [InlineData("[CONNECTED] == true", Placeholder.Connected, ConditionOperator.Equal, "true")]
    [InlineData("[CERTIFICATE_EXPIRATION] > 48h", Placeholder.CertificateExpiration, ConditionOperator.Greater, "48h")]
    [InlineData("[RESULT] >= 1", Placeholder.Result, ConditionOperator.GreaterOrEqual, "1")]
    [InlineData("[EXIT_CODE] != 2", Placeholder.ExitCode, ConditionOperator.NotEqual, "2")]
    [InlineData("[PERF].load1 <= 4", Placeholder.Perf, ConditionOperator.LessOrEqual, "4")]
    [InlineData("[status] == 200", Placeholder.Status, ConditionOperator.Equal, "200")]
    public void Every_placeholder_and_operator_of_Gatus_parses(string text, Placeholder placeholder, ConditionOperator op, string right)
    {
        Assert.True(Condition.TryParse(text, out var condition, out var problem), problem?.Message);

        Assert.Equal(placeholder, Assert.IsType<PlaceholderOperand>(condition!.Left).Placeholder);
        Assert.Equal(op, condition.Operator);
        Assert.Equal(right, condition.Right.Text);
    }

    [Theory]
    [InlineData("[OVERDUE] == 0", "OVERDUE")]
    [InlineData("[pending] < 10", "PENDING")]
    [InlineData("[OLDEST] < 30d", "OLDEST")]
    [InlineData("[AUDIT_AGE] < 8d", "AUDIT_AGE")]
    public void A_named_value_of_the_updates_check_is_a_placeholder_of_its_own(string text, string name)
    {
        Assert.True(Condition.TryParse(text, out var condition, out var problem), problem?.Message);

        var left = Assert.IsType<PlaceholderOperand>(condition!.Left);
        Assert.Equal((Placeholder.Perf, name), (left.Placeholder, left.Path));
    }

    [Fact]
    public void A_json_path_keeps_keys_and_indexes()
    {
        var left = (PlaceholderOperand)Condition.Parse("[BODY].items[1].name == x").Left;

        Assert.Equal("items[1].name", left.Path);
    }

    [Fact]
    public void Functions_wrap_the_placeholder_on_the_left_and_match_on_the_right()
    {
        var len = Condition.Parse("len([BODY].items) > 0");
        var has = Condition.Parse("has([BODY].errors) == false");
        var pat = Condition.Parse("[BODY].version == pat(2.*)");
        var any = Condition.Parse("[STATUS] == any(200, 204)");

        Assert.Equal(ConditionFunction.Len, ((PlaceholderOperand)len.Left).Function);
        Assert.Equal(ConditionFunction.Has, ((PlaceholderOperand)has.Left).Function);
        Assert.True(((MatchOperand)pat.Right).IsPattern);
        Assert.Equal(["200", "204"], ((MatchOperand)any.Right).Values);
    }

    [Theory]
    [InlineData("[STATU] == 200", 0, "unknown placeholder [STATU]", "did you mean [STATUS]?")]
    [InlineData("[STATUS] 200", 12, "missing operator", "write '<placeholder> <operator> <value>'")]
    [InlineData("[STATUS]==200", 8, "'==' needs a space on both sides", "write e.g. [STATUS] == 200")]
    [InlineData("[STATUS] = 200", 9, "'=' is not an operator", "compare with ==")]
    [InlineData("[BODY.status == UP", 0, "'[' is never closed", "add ']'")]
    [InlineData("len([BODY].items > 0", 3, "'(' is never closed", "add ')'")]
    [InlineData("[STATUS]] == 200", 8, "']' closes nothing", "remove it")]
    [InlineData("[STATUS] == ", 11, "nothing after '=='", "write the value")]
    [InlineData("STATUS == 200", 0, "'STATUS' is not a placeholder, so this compares two fixed values", "did you mean [STATUS]?")]
    [InlineData("[STATUS].code == 200", 8, "[STATUS] takes no path, found '.code'", "write [STATUS] alone")]
    [InlineData("[BODY]..x == 1", 6, "'..x' is not a JSON path", "write e.g. [BODY].data.status")]
    [InlineData("[PERF] < 4", 6, "[PERF] needs the label of a performance value", "write e.g. [PERF].load1")]
    [InlineData("lenn([BODY]) > 0", 0, "unknown function lenn()", "did you mean len()?")]
    [InlineData("len(200) > 0", 4, "len() takes a placeholder, not '200'", "write e.g. len([BODY].items)")]
    [InlineData("pat(2.*) == any(2, 3)", 0, "'pat(2.*)' is not a placeholder, so this compares two fixed values", "one side needs a placeholder")]
    [InlineData("[BODY].version == pat([-x])", 23, "bad pattern: '-' in a class needs a character on both sides (write \\- for the character -)", "patterns use *")]
    [InlineData("[BODY].version == pat(2.[0-9)", 24, "'[' is not closed before ')'", "add ']'")]
    [InlineData("[RESPONSE_TIME] < potato", 18, "[RESPONSE_TIME] is a number, and 'potato' is neither a number nor a duration", "compare with milliseconds or a duration")]
    [InlineData("len([BODY].items) >= many", 21, "len([BODY].items) is a number, and 'many' is neither a number nor a duration", "compare with a number, e.g. 5")]
    [InlineData("[BODY].items[-1] == 1", 12, "'[-1]' is not an array index", "indexes count from 0")]
    [InlineData("[BODY].items[x].name == 1", 12, "'[x]' is not an array index", "indexes count from 0")]
    [InlineData("[RESPONSE_TIME] < any(1, 2)", 18, "any() only works with == and !=", "write e.g.")]
    [InlineData("[STATUS] == 200 == 300", 16, "a condition compares two values; this is a second operator", "write one condition")]
    [InlineData("[OVERDUE].count == 0", 9, "[OVERDUE] takes no path, found '.count'", "write [OVERDUE] alone")]
    [InlineData("[OVERDU] == 0", 0, "unknown placeholder [OVERDU]", "did you mean [OVERDUE]?")]
    [InlineData("overdue == 0", 0, "'overdue' is not a placeholder, so this compares two fixed values", "did you mean [OVERDUE]?")]
    public void A_bad_condition_names_the_offset_and_a_fix(string text, int offset, string message, string hint)
    {
        Assert.False(Condition.TryParse(text, out _, out var problem));

        Assert.Equal(message, problem!.Message);
        Assert.StartsWith(hint, problem.Hint, StringComparison.Ordinal);
        Assert.Equal(offset, problem.Offset);
    }
}
