using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;

namespace Jaga.Core.Monitoring;

/// <summary>What the pending security findings say now, for an <c>updates</c> check: a warning while one has been pending
/// longer than <c>overdue_after</c> (since the first reading that reported it), or while no dependency audit was ever
/// recorded (there is nothing to judge, and that must not look like "nothing pending").</summary>
public static class UpdatesVerdict
{
    /// <summary>The overdue findings named in a reason; the rest are counted.</summary>
    public const int Named = 5;

    /// <summary>Judges <paramref name="pending"/> (any order) and the latest readings at <paramref name="now"/>. The observation
    /// is connected (the store answered); <see cref="CheckObservation.Warning"/> says what is overdue, or that no audit was
    /// ever recorded; <see cref="CheckObservation.Body"/> what a pass rests on. Values: <c>PENDING</c>, <c>OVERDUE</c> (counts),
    /// <c>OLDEST</c> (how long the oldest pending finding has been open, in milliseconds; 0 when none) and <c>AUDIT_AGE</c>
    /// (milliseconds since the latest dependency audit; absent when there was none).</summary>
    public static CheckObservation Judge(UpdatesWatch watch, IReadOnlyList<SecurityFinding> pending, IReadOnlyList<SecurityReadingMark> readings,
        DateTimeOffset now, Catalog? words = null)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(readings);
        words ??= Catalog.English;
        var open = pending.Where(f => f.ResolvedAt is null).OrderByDescending(f => f.OpenFor(now)).ThenBy(f => f.Package, StringComparer.Ordinal).ToList();
        // Open longer than overdue_after: at exactly overdue_after it is still on time.
        var overdue = open.Where(f => f.OpenFor(now) > watch.OverdueAfter).ToList();
        var oldest = open.Count == 0 ? TimeSpan.Zero : open[0].OpenFor(now);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["PENDING"] = Number(open.Count),
            ["OVERDUE"] = Number(overdue.Count),
            ["OLDEST"] = Milliseconds(oldest),
        };
        var audit = readings.Where(r => r.Source == SecurityFindingSource.Dependency).MaxBy(r => r.At);
        if (audit is not null) values["AUDIT_AGE"] = Milliseconds(now - audit.At);

        var problems = new List<string>();
        if (audit is null) problems.Add(words["reason.updates.never"]);
        if (overdue.Count > 0)
        {
            var named = overdue.Take(Named).Select(f => Item(f, now, words)).ToList();
            if (overdue.Count > Named) named.Add(words.Format("reason.updates.more", overdue.Count - Named));
            problems.Add(words.Format("reason.updates.overdue", overdue.Count, DurationValue.Format(watch.OverdueAfter), string.Join(", ", named)));
        }
        var said = new List<string> { open.Count == 0 ? words["reason.updates.none"] : words.Format("reason.updates.pending", open.Count, Age(oldest)) };
        if (audit is not null)
            said.Add(words.Format(audit.Complete ? "reason.updates.audit" : "reason.updates.audit.incomplete", Age(now - audit.At)));
        return new CheckObservation(true, TimeSpan.Zero)
        {
            Warning = problems.Count == 0 ? null : string.Join("; ", problems),
            Body = string.Join("; ", said),
            Values = values,
        };
    }

    /// <summary>How long a finding has been open, for a reason: whole hours from a day up (a week-old update needs no
    /// minutes), else as a heartbeat's age.</summary>
    public static string Age(TimeSpan age) =>
        age >= TimeSpan.FromDays(1) ? DurationValue.Format(TimeSpan.FromHours(Math.Floor(age.TotalHours))) : HeartbeatVerdict.Age(age);

    private static string Item(SecurityFinding f, DateTimeOffset now, Catalog words) => f.Source == SecurityFindingSource.OsPackage
        ? words.Format("reason.updates.item.node", f.Package, f.Version, f.Scope, f.Advisory, Age(f.OpenFor(now)))
        : words.Format("reason.updates.item", f.Package, f.Version, f.Advisory, Age(f.OpenFor(now)));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan t) => ((long)Math.Max(0, Math.Floor(t.TotalMilliseconds))).ToString(CultureInfo.InvariantCulture);
}
