using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Retention;

/// <summary>restic's <c>forget</c> rules, as a pure function: which backups to keep, which to remove, and why.</summary>
/// <remarks>
/// Backups are taken newest first. <c>last n</c> keeps the n newest. <c>hourly/daily/weekly/monthly/yearly n</c>
/// keep the newest backup of each of the n most recent hours/days/ISO weeks/months/years that have one, read in
/// the plan's time zone. <c>within d</c> keeps everything taken within d of the newest backup. A backup kept by
/// several rules lists them all. On top of restic: the newest verified backup is always kept, whatever the
/// policy says, so pruning can never leave only unverified backups.
/// </remarks>
public static class RetentionPolicy
{
    public static IReadOnlyList<RetentionDecision> Decide(IReadOnlyList<RetentionCandidate> backups, KeepPolicy policy, TimeZoneInfo zone)
    {
        var ordered = backups.OrderByDescending(b => b.Time).ThenByDescending(b => b.Id, StringComparer.Ordinal).ToList();
        // By position, not by value: two backups may look alike.
        var reasons = ordered.Select(_ => new List<string>()).ToArray();
        if (ordered.Count == 0) return [];

        if (policy.Last is { } last)
            for (var i = 0; i < Math.Min(last, ordered.Count); i++) reasons[i].Add($"last {last}");

        Bucketed(ordered, reasons, policy.Hourly, "hourly", t => t.ToString("yyyy-MM-dd HH", System.Globalization.CultureInfo.InvariantCulture), zone);
        Bucketed(ordered, reasons, policy.Daily, "daily", t => t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), zone);
        Bucketed(ordered, reasons, policy.Weekly, "weekly", t => $"{System.Globalization.ISOWeek.GetYear(t)}-W{System.Globalization.ISOWeek.GetWeekOfYear(t):00}", zone);
        Bucketed(ordered, reasons, policy.Monthly, "monthly", t => t.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), zone);
        Bucketed(ordered, reasons, policy.Yearly, "yearly", t => t.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), zone);

        if (policy.Within is { } within)
        {
            var newest = ordered[0].Time;
            for (var i = 0; i < ordered.Count; i++)
                if (newest - ordered[i].Time <= within) reasons[i].Add($"within {DurationValue.Format(within)} of the newest");
        }

        var newestVerified = ordered.FindIndex(b => b.Verified);
        if (newestVerified >= 0 && reasons[newestVerified].Count == 0) reasons[newestVerified].Add("newest verified backup");

        return ordered.Select((b, i) => new RetentionDecision(b, reasons[i].Count > 0, reasons[i])).ToList();
    }

    /// <summary>The policy's rules in the plan's order, as (rule, value): ("last", "3"), ("within", "30d").</summary>
    public static IReadOnlyList<(string Rule, string Value)> Rules(KeepPolicy k)
    {
        var rules = new List<(string, string)>();
        void Add(string rule, int? n)
        {
            if (n is { } v) rules.Add((rule, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Add("last", k.Last);
        Add("hourly", k.Hourly);
        Add("daily", k.Daily);
        Add("weekly", k.Weekly);
        Add("monthly", k.Monthly);
        Add("yearly", k.Yearly);
        if (k.Within is { } within) rules.Add(("within", DurationValue.Format(within)));
        return rules;
    }

    private static void Bucketed(List<RetentionCandidate> ordered, List<string>[] reasons, int? count, string name, Func<DateTime, string> bucket, TimeZoneInfo zone)
    {
        if (count is not { } n) return;
        string? previous = null;
        var kept = 0;
        for (var i = 0; i < ordered.Count && kept < n; i++)
        {
            var key = bucket(TimeZoneInfo.ConvertTime(ordered[i].Time, zone).DateTime);
            if (key == previous) continue;
            previous = key;
            kept++;
            reasons[i].Add($"{name} {key}");
        }
    }
}
