namespace Jaga.Core.Conditions;

/// <summary>The right side <c>pat(…)</c> (a pattern where <c>*</c> matches anything) or <c>any(a, b, …)</c> (one of the values).</summary>
/// <param name="Text">The side as written.</param>
/// <param name="Offset">Where it starts in the condition's text (0-based).</param>
/// <param name="IsPattern">True for <c>pat()</c>, false for <c>any()</c>.</param>
/// <param name="Values">The pattern (one item) or the options, trimmed.</param>
public sealed record MatchOperand(string Text, int Offset, bool IsPattern, IReadOnlyList<string> Values) : Operand(Text, Offset);
