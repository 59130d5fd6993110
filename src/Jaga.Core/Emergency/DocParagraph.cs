namespace Jaga.Core.Emergency;

/// <summary>A paragraph; <c>**bold**</c> and <c>`code`</c> marks are kept in Markdown and dropped in plain text.</summary>
public sealed record DocParagraph(string Text) : DocBlock;
