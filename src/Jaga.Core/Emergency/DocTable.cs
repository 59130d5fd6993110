namespace Jaga.Core.Emergency;

/// <summary>A table of rows under a header.</summary>
public sealed record DocTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock;
