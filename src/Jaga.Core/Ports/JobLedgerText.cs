namespace Jaga.Core.Ports;

/// <summary>The words the job ledger's outcomes and ping kinds are stored as: the member name in lower case
/// (<c>succeeded</c>, <c>timedout</c>, <c>exit</c>), as <see cref="BackupCatalogText"/> does for the catalog, so a table read by
/// hand or by SQL says what it means.</summary>
public static class JobLedgerText
{
    public static string ToText(this RunOutcome outcome) => Text(outcome);

    public static string ToText(this PingKind kind) => Text(kind);

    /// <summary>Reads a stored outcome exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static RunOutcome ParseOutcome(string text) => Parse<RunOutcome>(text);

    /// <summary>Reads a stored ping kind exactly; any other text is a <see cref="FormatException"/> rather than a guess.</summary>
    public static PingKind ParsePingKind(string text) => Parse<PingKind>(text);

    /// <summary>An occurrence as the stores keep it: UTC, and refused unless it is a whole millisecond, because claims compare
    /// occurrences for equality and a store that silently truncated would make two occurrences one (and the scheduler's
    /// "newest occurrence" never equal the one it claimed).</summary>
    public static DateTimeOffset Occurrence(DateTimeOffset occurrence) =>
        occurrence.UtcTicks % TimeSpan.TicksPerMillisecond == 0
            ? occurrence.ToUniversalTime()
            : throw new ArgumentException($"an occurrence is a whole millisecond, not {occurrence:O}", nameof(occurrence));

    private static string Text<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value.ToString().ToLowerInvariant()
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");

    private static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Text(value), text, StringComparison.Ordinal)) return value;
        throw new FormatException($"'{text}' is not a stored {typeof(T).Name}");
    }
}
