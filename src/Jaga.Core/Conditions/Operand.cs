namespace Jaga.Core.Conditions;

/// <summary>One side of a condition as written.</summary>
/// <param name="Text">The side as the user wrote it, trimmed.</param>
/// <param name="Offset">Where it starts in the condition's text (0-based).</param>
public abstract record Operand(string Text, int Offset);
