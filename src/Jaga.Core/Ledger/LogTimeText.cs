using System.Globalization;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Ledger;

/// <summary>What is wrong with a time bound of the log: <see cref="LogTimeText.Read"/>'s verdict.</summary>
public enum LogTimeProblem
{
    None,

    /// <summary>Neither a duration nor a date.</summary>
    Invalid,

    /// <summary>A duration or date before the year 1.</summary>
    Range,
}

/// <summary>A time bound of the maintenance log as a person writes it, for <c>jaga log --since/--until</c> and the dashboard's
/// log page alike: a duration back from now (24h, 7d), or a date/time read in the plan's time zone (like the log's own
/// times) unless it carries an offset. One that reaches back before the year 1 is said so, never left to overflow.</summary>
public static class LogTimeText
{
    public static LogTimeProblem Read(string text, DateTimeOffset now, TimeZoneInfo zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        time = default;
        var furthest = now - DateTimeOffset.MinValue;
        if (DurationValue.TryParse(text, out var ago))
        {
            if (ago > furthest) return LogTimeProblem.Range;
            time = now - ago;
            return LogTimeProblem.None;
        }
        if (DurationValue.IsWritten(text)) return LogTimeProblem.Range;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            time = withOffset;
            return LogTimeProblem.None;
        }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return LogTimeProblem.Invalid;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.GetUtcOffset(unspecified);
        // The first hours of the year 1 in a zone east of UTC are before the earliest time there is.
        if (unspecified - DateTime.MinValue < offset) return LogTimeProblem.Range;
        // And the last hours of 9999 west of UTC after the latest: no entry is newer than that either.
        time = DateTime.MaxValue - unspecified < -offset ? DateTimeOffset.MaxValue : new DateTimeOffset(unspecified, offset);
        return LogTimeProblem.None;
    }

    /// <summary>The longest duration back from <paramref name="now"/> there is, as the range message gives it (e.g. 739000d).</summary>
    public static string Furthest(DateTimeOffset now) => $"{(now - DateTimeOffset.MinValue).Days}d";
}
