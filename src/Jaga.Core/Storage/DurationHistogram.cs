using System.Globalization;

namespace Jaga.Core.Storage;

/// <summary>The fixed histogram of response times kept with each hourly and daily aggregate, so a p95 can still be
/// estimated once the raw results are gone. Buckets are log-spaced on a 1-2-5 series from 1 ms to 60 s (16 buckets, the last
/// open-ended); an estimate interpolates linearly inside the bucket that holds the quantile and never exceeds the maximum
/// seen, so it is off by at most that bucket's width (a factor of 2 to 2.5).</summary>
public static class DurationHistogram
{
    /// <summary>Upper bounds (inclusive, milliseconds) of every bucket but the last.</summary>
    private static readonly double[] Upper = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 60_000];

    public static int Buckets => Upper.Length + 1;

    public static int Index(double ms)
    {
        for (var i = 0; i < Upper.Length; i++)
            if (ms <= Upper[i]) return i;
        return Upper.Length;
    }

    /// <summary>The <paramref name="q"/> quantile (nearest rank, interpolated inside its bucket), capped at <paramref name="maxMs"/>.</summary>
    public static TimeSpan? Estimate(IReadOnlyList<long> counts, double maxMs, double q)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = Math.Ceiling(q * total);
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (below + counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : Upper[Math.Min(i, Upper.Length) - 1];
                var upper = i < Upper.Length ? Upper[i] : maxMs;
                var ms = lower + ((upper - lower) * (rank - below) / counts[i]);
                return Milliseconds(Math.Min(ms, maxMs));
            }
            below += counts[i];
        }
        return Milliseconds(maxMs);
    }

    public static TimeSpan Milliseconds(double ms) => TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));

    public static double ToMilliseconds(TimeSpan duration) => (double)duration.Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>The counts as stored in a text column: decimal numbers separated by commas.</summary>
    public static string ToText(IReadOnlyList<long> counts) => string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads stored counts; a shorter list (an older layout) is padded with zeros, anything unreadable is a <see cref="FormatException"/>.</summary>
    public static long[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new long[Buckets];
        var parts = text.Length == 0 ? [] : text.Split(',');
        if (parts.Length > Buckets) throw new FormatException($"a duration histogram has at most {Buckets} buckets, not {parts.Length}");
        for (var i = 0; i < parts.Length; i++) counts[i] = long.Parse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>Adds <paramref name="add"/> into <paramref name="into"/>, bucket by bucket.</summary>
    public static void Merge(long[] into, IReadOnlyList<long> add)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(add);
        for (var i = 0; i < Math.Min(into.Length, add.Count); i++) into[i] += add[i];
    }
}
