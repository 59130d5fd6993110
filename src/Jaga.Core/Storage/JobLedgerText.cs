using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

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

    /// <summary>The claims of one <see cref="IJobRuns.TryClaimManyAsync"/> call, checked as every store must: each of a
    /// different job, occurrences as stored (<see cref="Occurrence"/>), a positive lease.</summary>
    public static List<(string Job, DateTimeOffset Occurrence)> Claims(IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (claims.Select(c => c.Job).Distinct(StringComparer.Ordinal).Count() != claims.Count)
            throw new ArgumentException("claims in one call are of different jobs", nameof(claims));
        return [.. claims.Select(c => (c.Job, Occurrence(c.Occurrence)))];
    }

    /// <summary>The runs of one <see cref="IJobRuns.RecordOwnedAsync"/> call, checked: finished, occurrences as stored.</summary>
    public static List<OwnedRun> Owned(IReadOnlyList<OwnedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Any(r => r.Outcome == RunOutcome.Running)) throw new ArgumentException("an owned run is recorded once it ended", nameof(runs));
        return [.. runs.Select(r => r with { Occurrence = Occurrence(r.Occurrence) })];
    }

    /// <summary>The ends of one <see cref="IJobRuns.FinishManyAsync"/> call, checked: none of them "running".</summary>
    public static IReadOnlyList<RunEnd> Ends(IReadOnlyList<RunEnd> ends)
    {
        ArgumentNullException.ThrowIfNull(ends);
        foreach (var e in ends)
            if (e.Outcome == RunOutcome.Running) throw new ArgumentOutOfRangeException(nameof(ends), e.Outcome, "a finished run is not running");
        return ends;
    }
}
