namespace Jaga.Core.Migration.Import;

/// <summary>PostgreSQL refused a statement or a COPY row (or the connection): its message, and where it was, as its
/// error context says (<c>COPY orders, line 3, column total: "abc"</c>).</summary>
/// <param name="reason">PostgreSQL's message without any value of a row: fit for the log and the audit chain.</param>
/// <param name="context">PostgreSQL's error context (its <c>Where</c>), or null.</param>
/// <param name="inner">The driver's exception.</param>
public sealed class TargetRefusedException(string reason, string? context, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>PostgreSQL's message without the row's values, e.g. <c>invalid input syntax for type integer</c> or
    /// <c>duplicate key value violates unique constraint "people_email_key"</c>: what the log and the audit entry keep.</summary>
    public string Reason { get; } = reason;

    /// <summary>PostgreSQL's error context (its <c>Where</c>), or null when it gave none.</summary>
    public string? Context { get; } = context;

    /// <summary>What the reason leaves out because it can be personal data: the value PostgreSQL quotes
    /// (<c>"abc"</c>) and its DETAIL (<c>Key (email)=(x@y) already exists</c>, <c>Failing row contains (…)</c>). Shown on
    /// the terminal only; null when there is none.</summary>
    public string? Detail { get; init; }

    /// <summary>What kind of failure it is, which decides the exit code.</summary>
    public TargetFailure Failure { get; init; } = TargetFailure.Refused;
}

/// <summary>Why the target failed.</summary>
public enum TargetFailure
{
    /// <summary>It refused a row or a statement (a value, a key, a malformed row).</summary>
    Refused,

    /// <summary>The user lacks a privilege (SQLSTATE 42501): the user's to fix.</summary>
    Denied,

    /// <summary>The connection was lost or ended by the server (a restart, <c>pg_terminate_backend</c>).</summary>
    Lost,
}
