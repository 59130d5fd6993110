namespace Jaga.Core.Conditions;

/// <summary>Why a condition cannot be read, where (0-based offset in its text), and how to fix it.</summary>
public sealed record ConditionProblem(int Offset, string Message, string Hint);
