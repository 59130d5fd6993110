namespace Jaga.Core.Conditions;

/// <summary>A fixed value such as <c>200</c>, <c>UP</c>, <c>true</c> or <c>48h</c>.</summary>
public sealed record LiteralOperand(string Text, int Offset) : Operand(Text, Offset);
