using Jaga.Core.Errors;

namespace Jaga.Engine.Migration.Import;

/// <summary>A row the target refused (or a CSV file that is malformed): where it is, why, and what is left. The
/// transaction was rolled back, so the table (with <c>--atomic</c>, every table) is as it was; <see cref="Finished"/>
/// are the tables committed before it (never with <c>--atomic</c>).</summary>
public sealed class ImportFailedException(string message, string hint, string table, string file, long? line, string? column, string reason,
    IReadOnlyList<string> finished) : UserException(message, hint)
{
    public string Table { get; } = table;

    /// <summary>The CSV file's path.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line of the CSV file where the refused row starts (the header is line 1); null when unknown.</summary>
    public long? Line { get; } = line;

    /// <summary>The column PostgreSQL named, or null.</summary>
    public string? Column { get; } = column;

    /// <summary>PostgreSQL's reason without the row's values (see <see cref="Detail"/>).</summary>
    public string Reason { get; } = reason;

    /// <summary>PostgreSQL's full text, with the refused value and its DETAIL (<c>Key (email)=(x@y) already exists</c>):
    /// possibly personal data, so it is shown on the terminal only, never put in the message, the log or the audit
    /// chain. Null when there is nothing more than <see cref="Reason"/>.</summary>
    public string? Detail { get; init; }

    public IReadOnlyList<string> Finished { get; } = finished;
}
