using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Core.Ports;

/// <summary>The results of monitoring checks and each check's alerting state, kept in the state store with retention
/// that bounds its size: raw results, then hourly aggregates, then daily ones (schema version 4).</summary>
public interface ICheckHistory
{
    /// <summary>Stores results, in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<CheckResult> results, CancellationToken ct = default);

    /// <summary>The newest results of one check, newest first.</summary>
    Task<IReadOnlyList<CheckResult>> RecentAsync(string check, int limit, CancellationToken ct = default);

    /// <summary>Uptime over 24 h / 7 d / 30 d and p95 response time over 24 h, from whichever tier still holds the period.</summary>
    Task<CheckUptime> UptimeAsync(string check, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Saves alerting states (upsert by check name).</summary>
    Task SaveStatesAsync(IReadOnlyList<CheckState> states, CancellationToken ct = default);

    /// <summary>Every saved alerting state.</summary>
    Task<IReadOnlyList<CheckState>> StatesAsync(CancellationToken ct = default);

    /// <summary>Rolls raw results older than <see cref="HistoryRetention.Raw"/> into hourly aggregates, hourly ones older than
    /// <see cref="HistoryRetention.Hourly"/> into daily ones, and deletes daily ones older than <see cref="HistoryRetention.Daily"/>.</summary>
    Task<HistoryCompaction> CompactAsync(HistoryRetention retention, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Rows held per tier, for status and for the test that the store stays bounded.</summary>
    Task<HistorySize> SizeAsync(CancellationToken ct = default);
}

/// <summary>Share of passing results (0..1) per period, null when the period holds no result; p95 of response times over 24 h.</summary>
public sealed record CheckUptime(double? Day, double? Week, double? Month, TimeSpan? P95Day, long ResultsDay);

/// <summary>What one compaction removed from each tier (rows rolled up or expired).</summary>
public sealed record HistoryCompaction(long RawRemoved, long HourlyRemoved, long DailyRemoved);

public sealed record HistorySize(long Raw, long Hourly, long Daily);
