using Jaga.Core.Monitoring;

namespace Jaga.Core.Conditions;

/// <summary>A Gatus-style condition, parsed once: <c>[STATUS] == 200</c>, <c>[BODY].data.status == UP</c>,
/// <c>len([BODY].items) &gt; 0</c>, <c>[CERTIFICATE_EXPIRATION] &gt; 48h</c>, <c>[BODY].version == pat(2.*)</c>.</summary>
/// <remarks>As in Gatus the operator needs a space on both sides; placeholder names are case-insensitive. Both sides compare as
/// numbers when both read as numbers (a duration such as <c>48h</c> counts as milliseconds for &lt;, &lt;=, &gt;, &gt;=),
/// else as text. Unlike Gatus, a value that is absent (no body, no such JSON field) fails the condition whatever the operator.</remarks>
public sealed class Condition
{
    internal Condition(string text, Operand left, ConditionOperator op, Operand right)
    {
        Text = text;
        Left = left;
        Operator = op;
        Right = right;
    }

    /// <summary>The condition as written (trimmed).</summary>
    public string Text { get; }

    public Operand Left { get; }

    public ConditionOperator Operator { get; }

    public Operand Right { get; }

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says where (0-based offset in
    /// <paramref name="text"/>) and how to fix it, e.g. "unknown placeholder [STATU]" with "did you mean [STATUS]?".</summary>
    public static bool TryParse(string text, out Condition? condition, out ConditionProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        condition = ConditionParser.Parse(text, out problem);
        return condition is not null;
    }

    /// <summary>Reads a condition known to be valid (the plan was validated); throws <see cref="FormatException"/> otherwise.</summary>
    public static Condition Parse(string text) =>
        TryParse(text, out var condition, out var problem) ? condition! : throw new FormatException($"{text}: {problem!.Message} ({problem.Hint})");

    /// <summary>Applies the condition to what a probe saw; what it saw is told in the language of <paramref name="words"/>
    /// (English by default).</summary>
    public ConditionOutcome Evaluate(CheckObservation observation, Messages.Catalog? words = null)
    {
        ArgumentNullException.ThrowIfNull(observation);
        words ??= Messages.Catalog.English;
        var left = Observe(Left, observation);
        var right = Observe(Right, observation);
        var passed = left.Absent is null && right.Absent is null && (Left is MatchOperand match
            ? Comparison.Holds(right.Value!, Operator, left.Value!, match)
            : Comparison.Holds(left.Value!, Operator, right.Value!, Right as MatchOperand));
        var seen = new List<string>();
        if (Left is PlaceholderOperand) seen.Add(words.Format("reason.condition.was", Left.Text, Shown(left, words)));
        if (Right is PlaceholderOperand) seen.Add(words.Format("reason.condition.was", Right.Text, Shown(right, words)));
        return new ConditionOutcome(this, passed, string.Join(", ", seen));
    }

    private static string Shown(ObservedValue value, Messages.Catalog words) =>
        value.Absent is { } why ? words.Format("reason.condition.absent", why) : value.Display;

    private static ObservedValue Observe(Operand operand, CheckObservation observation) => operand switch
    {
        PlaceholderOperand p => ObservationReader.Read(p, observation),
        _ => ObservedValue.Of(operand.Text),
    };

    public override string ToString() => Text;
}
