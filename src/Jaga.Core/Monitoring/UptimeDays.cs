using Jaga.Core.Storage;

namespace Jaga.Core.Monitoring;

/// <summary>The days of the plan's time zone that the Monitoring page's uptime bars show, and how a store counts each check's
/// results into them from its aggregates: hourly buckets are summed per local day by one grouped statement per
/// <see cref="Span"/>; daily buckets (UTC days, kept once hourly ones are compacted) count for the local day that holds
/// their middle. Pure: the store reads, this decides.</summary>
public sealed class UptimeDays
{
    /// <summary>The longest history the bars show.</summary>
    public const int MaxDays = 730;

    private readonly long[] bounds;

    private UptimeDays(IReadOnlyList<DateOnly> days, long[] bounds, long endMs, long cutMs)
    {
        Days = days;
        this.bounds = bounds;
        EndMs = endMs;
        CutMs = cutMs;
    }

    /// <summary>The local days, oldest first, the last one today.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The local midnight that starts the first day, in milliseconds since the epoch.</summary>
    public long StartMs => bounds[0];

    /// <summary>Just after now: buckets starting before this count.</summary>
    public long EndMs { get; }

    /// <summary>Hourly buckets starting at or after this are read; daily buckets starting before it. A UTC midnight: the day
    /// that holds the hourly tier's compaction mark is read whole from the daily tier rather than half from each.</summary>
    public long CutMs { get; }

    /// <summary>A run of local days that all have the same length, read with one grouped statement: a bucket starting at
    /// <c>b</c> (with <see cref="FromMs"/> ≤ b &lt; <see cref="ToMs"/>) counts for day <c>FirstDay + (b − AnchorMs) / LengthMs</c>.</summary>
    public sealed record Span(long FromMs, long ToMs, long AnchorMs, long LengthMs, int FirstDay);

    /// <summary>The last <paramref name="days"/> days of <paramref name="zone"/> up to <paramref name="now"/>, with the
    /// compaction marks of the store that will count them.</summary>
    public static UptimeDays Of(DateTimeOffset now, TimeZoneInfo zone, int days, HistoryMarks marks)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var list = Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).ToList();
        var bounds = list.Append(today.AddDays(1)).Select(d => Midnight(d, zone)).ToArray();
        var cut = marks.HourlyMs == long.MinValue ? long.MinValue : CheckHistoryText.Floor(marks.HourlyMs, CheckHistoryText.DayMs) + CheckHistoryText.DayMs;
        return new UptimeDays(list, bounds, CheckHistoryText.Ms(now) + 1, cut);
    }

    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>, in milliseconds since the epoch; where
    /// midnight is skipped by a change to summer time, the first hour that exists.</summary>
    private static long Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }

    /// <summary>The spans the hourly tier is read in: runs of days of equal length, from the cut (or the first day) to now.</summary>
    public IReadOnlyList<Span> HourlySpans()
    {
        var spans = new List<Span>();
        var from = Math.Max(StartMs, CutMs);
        for (var i = 0; i < Days.Count; i++)
        {
            if (bounds[i + 1] <= from || bounds[i] >= EndMs) continue;
            var length = bounds[i + 1] - bounds[i];
            var j = i;
            while (j + 1 < Days.Count && bounds[j + 2] - bounds[j + 1] == length && bounds[j + 1] < EndMs) j++;
            spans.Add(new Span(Math.Max(bounds[i], from), Math.Min(bounds[j + 1], EndMs), bounds[i], length, i));
            i = j;
        }
        return spans;
    }

    /// <summary>The daily buckets to read, <c>[from, to)</c> by start: every UTC day whose middle falls in a shown day,
    /// before the cut. Empty when the hourly tier covers every shown day.</summary>
    public (long FromMs, long ToMs) DailyWindow()
    {
        var from = CheckHistoryText.Floor(StartMs - (CheckHistoryText.DayMs / 2), CheckHistoryText.DayMs);
        var to = Math.Min(CutMs, EndMs);
        return to <= from ? (0, 0) : (from, to);
    }

    /// <summary>The index in <see cref="Days"/> of the local day holding the middle of the daily bucket starting at
    /// <paramref name="startMs"/>, or -1 when that is not a shown day.</summary>
    public int DayOfDailyBucket(long startMs)
    {
        var middle = startMs + (CheckHistoryText.DayMs / 2);
        if (middle < bounds[0] || middle >= bounds[^1]) return -1;
        var i = Array.BinarySearch(bounds, middle);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Sums of results a store read, per check and day index, as the bars show them: one entry per day for every
    /// check asked for, days without results included (with a count of 0).</summary>
    public sealed class Tally(UptimeDays days, IReadOnlyList<string> checks)
    {
        private readonly Dictionary<string, (long Count, long Passed, bool Daily)[]> sums =
            checks.Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => new (long, long, bool)[days.Days.Count], StringComparer.Ordinal);

        /// <summary>Adds <paramref name="count"/> results (<paramref name="passed"/> passing) of <paramref name="check"/> to
        /// day <paramref name="day"/> (an index in <see cref="Days"/>; one outside, or a check not asked for, is ignored);
        /// <paramref name="daily"/> when they come from a daily (UTC) aggregate.</summary>
        public void Add(string check, long day, long count, long passed, bool daily)
        {
            if (day < 0 || day >= days.Days.Count || !sums.TryGetValue(check, out var row)) return;
            var s = row[day];
            row[day] = (s.Count + count, s.Passed + passed, s.Daily || daily);
        }

        public IReadOnlyDictionary<string, IReadOnlyList<DayUptime>> Result() => sums.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<DayUptime>)[.. p.Value.Select((s, i) => new DayUptime(days.Days[i], s.Count, s.Passed, !s.Daily))],
            StringComparer.Ordinal);
    }
}
