namespace Jaga.Core.Conditions;

/// <summary>A placeholder, possibly with a path (<c>[BODY].a.b</c>, <c>[PERF].load1</c>) and wrapped in <c>len()</c> or <c>has()</c>.</summary>
/// <param name="Text">The side as written, e.g. <c>len([BODY].items)</c>.</param>
/// <param name="Offset">Where it starts in the condition's text (0-based).</param>
/// <param name="Placeholder">Which value it reads.</param>
/// <param name="Path">The JSON path after [BODY] (without the leading dot), or the label after [PERF]; empty when none.</param>
/// <param name="Function">The function around it.</param>
public sealed record PlaceholderOperand(string Text, int Offset, Placeholder Placeholder, string Path, ConditionFunction Function)
    : Operand(Text, Offset);
