using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Core.Ports;

/// <summary>The results of monitoring checks and each check's alerting state, kept in the state store with retention
/// that bounds its size: raw results, then hourly aggregates, then daily ones (schema version 4).</summary>
/// <remarks>Every result is added to its hourly and its daily aggregate when it is recorded, in the same transaction as the
/// raw row, so compaction only ever deletes (it never adds, so running it twice or being interrupted cannot count a result
/// twice) and each tier is complete for every period after the point up to which compaction deleted it.</remarks>
public interface ICheckHistory
{
    /// <summary>Stores results and adds them to their hourly and daily aggregates, in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<CheckResult> results, CancellationToken ct = default);

    /// <summary>The newest raw results of one check, newest first.</summary>
    Task<IReadOnlyList<CheckResult>> RecentAsync(string check, int limit, CancellationToken ct = default);

    /// <summary>The newest raw results of many checks at once, in one statement: for each distinct name asked for, at most
    /// <paramref name="limit"/> of its results at or after <paramref name="since"/>, newest first (the Monitoring page's
    /// latest reasons and response-time charts).</summary>
    /// <returns>One list per distinct name asked for (empty for a check without results in the window).</returns>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CheckResult>>> RecentManyAsync(
        IReadOnlyList<string> checks, DateTimeOffset since, int limit, CancellationToken ct = default);

    /// <summary>Uptime over 24 h / 7 d / 30 d and p95 response time over 24 h for one check. The 24 h figures are exact
    /// (from raw results) while raw results cover the last 24 h; the 7 d / 30 d ones come from hourly aggregates (to the
    /// hour) or, once those no longer cover the period, from daily ones (to the day).</summary>
    Task<CheckUptime> UptimeAsync(string check, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>The same figures for many checks at once, in a few statements, from aggregates only: the 24 h figures are
    /// to the hour and the p95 is estimated from the duration histograms. For <c>jaga monitor status</c> of every check.</summary>
    /// <returns>One entry per distinct name asked for; a check with no result gets all-null figures.</returns>
    Task<IReadOnlyDictionary<string, CheckUptime>> UptimeManyAsync(IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Each check's results per day of <paramref name="zone"/>, over the last <paramref name="days"/> days up to
    /// <paramref name="now"/> (today included), oldest first: the Monitoring page's uptime bars. Read from the hourly
    /// aggregates, grouped by local day in the store; days the hourly tier no longer covers come from daily (UTC) aggregates,
    /// each counted for the local day that holds its middle (<see cref="DayUptime.ToTheHour"/> false). See <see cref="UptimeDays"/>.</summary>
    /// <returns>One list of <paramref name="days"/> entries per distinct name asked for; a day without results has a count of 0.</returns>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DayUptime>>> DailyUptimeAsync(
        IReadOnlyList<string> checks, DateTimeOffset now, TimeZoneInfo zone, int days, CancellationToken ct = default);

    /// <summary>Saves alerting states (upsert by check name).</summary>
    Task SaveStatesAsync(IReadOnlyList<CheckState> states, CancellationToken ct = default);

    /// <summary>Every saved alerting state, by check name.</summary>
    /// <summary>One check's saved alerting state, or null: read before each run, since on several nodes the last run of
    /// the check may have been another node's.</summary>
    Task<CheckState?> StateAsync(string check, CancellationToken ct = default);

    Task<IReadOnlyList<CheckState>> StatesAsync(CancellationToken ct = default);

    /// <summary>Deletes raw results older than <see cref="HistoryRetention.Raw"/>, hourly aggregates older than
    /// <see cref="HistoryRetention.Hourly"/> and daily ones older than <see cref="HistoryRetention.Daily"/> (their results
    /// are already in the coarser tiers). Idempotent; deletes in chunks of at most <see cref="Storage.CheckHistoryText.Chunk"/> rows,
    /// each its own short transaction, so a large backlog never holds the store's write lock for long.</summary>
    Task<HistoryCompaction> CompactAsync(HistoryRetention retention, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Rows held per tier, for status and for the test that the store stays bounded.</summary>
    Task<HistorySize> SizeAsync(CancellationToken ct = default);
}

/// <summary>Share of passing results (0..1) per period, null when the period holds no result; p95 of response times over 24 h.</summary>
/// <param name="Day">Uptime over the last 24 h.</param>
/// <param name="Week">Uptime over the last 7 days.</param>
/// <param name="Month">Uptime over the last 30 days.</param>
/// <param name="P95Day">95th percentile of response times over 24 h; null when there is no result.</param>
/// <param name="ResultsDay">Results counted over 24 h.</param>
/// <param name="P95Estimated">True when <paramref name="P95Day"/> was estimated from aggregate histograms, false when exact.</param>
public sealed record CheckUptime(double? Day, double? Week, double? Month, TimeSpan? P95Day, long ResultsDay, bool P95Estimated)
{
    public static readonly CheckUptime None = new(null, null, null, null, 0, false);
}

/// <summary>What one compaction deleted from each tier (their results live on in the coarser tiers).</summary>
public sealed record HistoryCompaction(long RawRemoved, long HourlyRemoved, long DailyRemoved);

/// <summary>Rows per tier.</summary>
public sealed record HistorySize(long Raw, long Hourly, long Daily);
