namespace Jaga.Core.Emergency;

/// <summary>A numbered step, with the commands that carry it out by hand (if any) under it.</summary>
public sealed record DocStep(int Number, string Text, IReadOnlyList<string> Commands) : DocBlock;
