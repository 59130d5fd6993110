namespace Jaga.Core.Migration.Import;

/// <summary>PostgreSQL refused a statement or a COPY row (or the connection): its message, and where it was, as its
/// error context says (<c>COPY orders, line 3, column total: "abc"</c>).</summary>
public sealed class TargetRefusedException(string reason, string? context, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>PostgreSQL's message (and detail), e.g. <c>invalid input syntax for type integer: "abc"</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>PostgreSQL's error context (its <c>Where</c>), or null when it gave none.</summary>
    public string? Context { get; } = context;
}
