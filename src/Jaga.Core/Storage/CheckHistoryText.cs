using Jaga.Core.Ledger;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>What every <see cref="ICheckHistory"/> store shares: outcomes and statuses stored as lower-case words, times in
/// whole milliseconds (UTC hours and days as bucket starts), the checks of arguments, the periods of
/// <see cref="CheckUptime"/> and which tier answers each.</summary>
public static class CheckHistoryText
{
    /// <summary>Most rows one compaction statement deletes.</summary>
    public const int Chunk = 10_000;

    public const long HourMs = 3_600_000;

    public const long DayMs = 24 * HourMs;

    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static readonly TimeSpan Month = TimeSpan.FromDays(30);

    public static string ToText(this CheckOutcome outcome) => StoredWord.Text(outcome);

    public static string ToText(this CheckStatus status) => StoredWord.Text(status);

    public static CheckOutcome ParseOutcome(string text) => StoredWord.Parse<CheckOutcome>(text);

    public static CheckStatus ParseStatus(string text) => StoredWord.Parse<CheckStatus>(text);

    public static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();

    /// <summary>The start of the bucket of <paramref name="size"/> milliseconds holding <paramref name="ms"/>.</summary>
    public static long Floor(long ms, long size) => ms - (((ms % size) + size) % size);

    /// <summary>The results of one <see cref="ICheckHistory.RecordAsync"/> call, checked: a check name, a duration not negative.</summary>
    public static IReadOnlyList<CheckResult> Results(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var r in results)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(results));
            if (string.IsNullOrEmpty(r.Check)) throw new ArgumentException("a check result names its check", nameof(results));
            if (r.Duration < TimeSpan.Zero) throw new ArgumentException($"a response time is not negative ({r.Check}: {r.Duration})", nameof(results));
        }
        return results;
    }

    /// <summary>For <see cref="ICheckHistory.RecentManyAsync"/>: an empty list per distinct check asked for, that the store's
    /// one read fills (the arguments checked).</summary>
    public static Dictionary<string, List<CheckResult>> RecentLists(IReadOnlyList<string> checks, int limit)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return checks.Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => new List<CheckResult>(), StringComparer.Ordinal);
    }

    /// <summary>The lists of <see cref="RecentLists"/> once filled.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<CheckResult>> Filled(Dictionary<string, List<CheckResult>> lists) =>
        lists.ToDictionary(f => f.Key, f => (IReadOnlyList<CheckResult>)f.Value, StringComparer.Ordinal);

    /// <summary>The results grouped into buckets of <paramref name="size"/> milliseconds, one per check and bucket.</summary>
    public static IReadOnlyList<HistoryBucket> Aggregate(IReadOnlyList<CheckResult> results, long size)
    {
        ArgumentNullException.ThrowIfNull(results);
        var buckets = new Dictionary<(string, long), HistoryBucket>();
        foreach (var r in results)
        {
            var key = (r.Check, Floor(Ms(r.At), size));
            if (!buckets.TryGetValue(key, out var b)) buckets[key] = b = new HistoryBucket(key.Item1, key.Item2);
            b.Add(r);
        }
        return [.. buckets.Values];
    }

    /// <summary>Where compaction deletes up to, per tier, for <paramref name="retention"/> at <paramref name="now"/>: raw
    /// rows before the raw mark, buckets starting at or before the hourly and daily marks (so every bucket is whole).</summary>
    public static HistoryMarks Cuts(HistoryRetention retention, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention.Raw, TimeSpan.Zero, nameof(retention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention.Hourly, TimeSpan.Zero, nameof(retention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention.Daily, TimeSpan.Zero, nameof(retention));
        var ms = Ms(now);
        return new HistoryMarks(
            ms - (long)retention.Raw.TotalMilliseconds,
            ms - (long)retention.Hourly.TotalMilliseconds - HourMs,
            ms - (long)retention.Daily.TotalMilliseconds - DayMs);
    }

    /// <summary>The tier that answers a period starting after <paramref name="fromMs"/>: hourly while compaction has not
    /// deleted any hourly bucket of it, else daily. (Raw results answer only the exact 24 h figures.)</summary>
    public static HistoryTier Tier(HistoryMarks marks, long fromMs)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return marks.HourlyMs <= fromMs ? HistoryTier.Hourly : HistoryTier.Daily;
    }

    /// <summary>Share of passing results, null when there is none.</summary>
    public static double? Share(long passed, long count) => count == 0 ? null : (double)passed / count;

    /// <summary>The nearest-rank p95 of <paramref name="count"/> sorted results is the one at this offset (0-based).</summary>
    public static long P95Offset(long count) => Math.Max(0, (long)Math.Ceiling(0.95 * count) - 1);
}
