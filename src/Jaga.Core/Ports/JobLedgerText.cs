namespace Jaga.Core.Ports;

/// <summary>The words the job ledger's outcomes and ping kinds are stored as: the member name in lower case
/// (<c>succeeded</c>, <c>timedout</c>, <c>exit</c>), as <see cref="BackupCatalogText"/> does for the catalog, so a table read by
/// hand or by SQL says what it means.</summary>
public static class JobLedgerText
{
    public static string ToText(this RunOutcome outcome) => StoredWord.Text(outcome);

    public static string ToText(this PingKind kind) => StoredWord.Text(kind);

    /// <summary>Reads a stored outcome exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static RunOutcome ParseOutcome(string text) => StoredWord.Parse<RunOutcome>(text);

    /// <summary>Reads a stored ping kind exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static PingKind ParsePingKind(string text) => StoredWord.Parse<PingKind>(text);

    /// <summary>An occurrence as the stores keep it: UTC, and refused unless it is a whole millisecond, because claims compare
    /// occurrences for equality and a store that silently truncated would make two occurrences one (and the scheduler's
    /// "newest occurrence" never equal the one it claimed).</summary>
    public static DateTimeOffset Occurrence(DateTimeOffset occurrence) =>
        occurrence.UtcTicks % TimeSpan.TicksPerMillisecond == 0
            ? occurrence.ToUniversalTime()
            : throw new ArgumentException($"an occurrence is a whole millisecond, not {occurrence:O}", nameof(occurrence));
}
