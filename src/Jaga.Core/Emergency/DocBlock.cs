namespace Jaga.Core.Emergency;

/// <summary>A part of a printed procedure, written as Markdown or as plain text by <see cref="DocumentWriter"/>: the
/// procedure is built once, so the two forms say the same.</summary>
public abstract record DocBlock;
