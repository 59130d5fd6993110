namespace Jaga.Core.Storage;

/// <summary>How far compaction has deleted each tier, in milliseconds since the epoch: raw results before
/// <paramref name="RawMs"/>, hourly and daily buckets starting at or before <paramref name="HourlyMs"/> and
/// <paramref name="DailyMs"/>. A tier is complete for every period that starts at or after its mark, because results are
/// added to all tiers when recorded. The stores keep the largest mark ever applied.</summary>
/// <param name="RawMs">Raw results before this were deleted.</param>
/// <param name="HourlyMs">Hourly buckets starting at or before this were deleted.</param>
/// <param name="DailyMs">Daily buckets starting at or before this were deleted.</param>
public sealed record HistoryMarks(long RawMs, long HourlyMs, long DailyMs)
{
    /// <summary>Nothing deleted yet.</summary>
    public static readonly HistoryMarks None = new(long.MinValue, long.MinValue, long.MinValue);
}
