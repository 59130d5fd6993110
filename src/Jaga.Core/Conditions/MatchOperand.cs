namespace Jaga.Core.Conditions;

/// <summary>A side <c>pat(…)</c> (a pattern: <c>*</c>, <c>?</c>, <c>[a-z]</c>, see docs/monitoring.md) or <c>any(a, b, …)</c>
/// (one of the values), on either side of <c>==</c> or <c>!=</c>.</summary>
/// <param name="Text">The side as written.</param>
/// <param name="Offset">Where it starts in the condition's text (0-based).</param>
/// <param name="IsPattern">True for <c>pat()</c>, false for <c>any()</c>.</param>
/// <param name="Values">The pattern (one item) or the options, trimmed.</param>
public sealed record MatchOperand(string Text, int Offset, bool IsPattern, IReadOnlyList<string> Values) : Operand(Text, Offset)
{
    /// <summary>The pattern of <c>pat()</c>, read once by the parser.</summary>
    internal MatchPattern? Pattern { get; init; }

    /// <summary>Whether <paramref name="value"/> matches the pattern or is one of the values.</summary>
    internal bool Accepts(string value) => IsPattern
        ? (Pattern ?? MatchPattern.TryRead(Values[0], out _))?.Matches(value) == true
        : Values.Contains(value, StringComparer.Ordinal);
}
