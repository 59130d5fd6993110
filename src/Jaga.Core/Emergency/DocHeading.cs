namespace Jaga.Core.Emergency;

/// <summary>A heading; level 1 is the procedure's title.</summary>
public sealed record DocHeading(int Level, string Text) : DocBlock;
