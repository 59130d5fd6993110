using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Jaga.Core.Plan;
using Jaga.Core.Retention;

namespace Jaga.Core.Tests.Retention;

public sealed class RetentionPolicyTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 19, 0, 0, TimeSpan.Zero); // 02:00 in Jakarta

    private static KeepPolicy Keep(int? last = null, int? hourly = null, int? daily = null, int? weekly = null, int? monthly = null, int? yearly = null, TimeSpan? within = null) =>
        new(last, hourly, daily, weekly, monthly, yearly, within);

    private static List<RetentionCandidate> Nightly(int days, bool verified = false) =>
        Enumerable.Range(0, days).Select(d => new RetentionCandidate($"b{d:000}", Start.AddDays(d), verified)).ToList();

    [Fact]
    public void Last_keeps_the_newest_n_and_says_why()
    {
        var decisions = RetentionPolicy.Decide(Nightly(5), Keep(last: 3), Jakarta);
        Assert.Equal(["b004", "b003", "b002"], decisions.Where(d => d.Keep).Select(d => d.Backup.Id));
        Assert.All(decisions.Where(d => d.Keep), d => Assert.Contains("last 3", d.Reasons));
        Assert.All(decisions.Where(d => !d.Keep), d => Assert.Empty(d.Reasons));
    }

    [Fact]
    public void Daily_keeps_the_newest_backup_of_each_day_in_the_plans_time_zone()
    {
        // 16:30 and 17:30 UTC fall on different days in Jakarta (23:30 and 00:30).
        var backups = new List<RetentionCandidate>
        {
            new("a", new DateTimeOffset(2025, 11, 14, 16, 30, 0, TimeSpan.Zero), false),
            new("b", new DateTimeOffset(2025, 11, 14, 17, 30, 0, TimeSpan.Zero), false),
            new("c", new DateTimeOffset(2025, 11, 14, 18, 30, 0, TimeSpan.Zero), false),
        };
        var kept = RetentionPolicy.Decide(backups, Keep(daily: 7), Jakarta).Where(d => d.Keep).ToList();
        Assert.Equal(["c", "a"], kept.Select(d => d.Backup.Id));
        Assert.Equal("daily 2025-11-15", kept[0].Reasons.Single());
        Assert.Equal("daily 2025-11-14", kept[1].Reasons.Single());
    }

    [Fact]
    public void Seed_like_policy_over_a_year_of_nightly_backups()
    {
        var decisions = RetentionPolicy.Decide(Nightly(365), Keep(last: 3, daily: 7, weekly: 4, monthly: 12), Jakarta);
        var kept = decisions.Where(d => d.Keep).ToList();
        // 7 daily (covering the 3 last), then the newest of each of the 4 most recent ISO weeks and 12 months.
        Assert.InRange(kept.Count, 12, 7 + 4 + 12);
        // The newest backup is at 02:00 on 2026-01-01 in Jakarta: twelve months reach back to February.
        Assert.Contains(kept, d => d.Reasons.Contains("monthly 2025-02"));
        Assert.DoesNotContain(kept, d => d.Reasons.Contains("monthly 2025-01"));
        Assert.Equal(["last 3", "daily 2026-01-01", "weekly 2026-W01", "monthly 2026-01"], kept[0].Reasons);
    }

    [Fact]
    public void Within_keeps_everything_close_to_the_newest_backup()
    {
        var kept = RetentionPolicy.Decide(Nightly(10), Keep(within: TimeSpan.FromDays(2)), Jakarta).Where(d => d.Keep);
        Assert.Equal(["b009", "b008", "b007"], kept.Select(d => d.Backup.Id));
    }

    [Fact]
    public void Prune_keeps_newest_verified_backup_even_when_older_than_policy()
    {
        var backups = Nightly(10);
        backups[2] = backups[2] with { Verified = true };
        var decisions = RetentionPolicy.Decide(backups, Keep(last: 2), Jakarta);
        var verified = decisions.Single(d => d.Backup.Id == "b002");
        Assert.True(verified.Keep);
        Assert.Equal(["newest verified backup"], verified.Reasons);
        Assert.Equal(3, decisions.Count(d => d.Keep));
    }

    [Fact]
    public void Identical_looking_backups_are_decided_one_by_one()
    {
        var twin = new RetentionCandidate("same", Start, false);
        var decisions = RetentionPolicy.Decide([twin, twin], Keep(last: 1), Jakarta);
        Assert.Equal(1, decisions.Count(d => d.Keep));
        Assert.Equal(2, decisions.Count);
    }

    [Property(MaxTest = 200)]
    public Property Every_backup_is_decided_once_the_newest_verified_is_kept_and_keepers_have_reasons()
    {
        var gen =
            from offsets in Gen.ListOf(Gen.Choose(0, 24 * 400)).Select(l => l.ToList())
            from verified in Gen.ListOf(ArbMap.Default.GeneratorFor<bool>())
            from last in Gen.Choose(0, 5)
            from daily in Gen.Choose(0, 10)
            from weekly in Gen.Choose(0, 6)
            select (offsets, verified.ToList(), last, daily, weekly);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (offsets, verified, last, daily, weekly) = t;
            var backups = offsets.Select((h, i) => new RetentionCandidate($"b{i}", Start.AddHours(h), i < verified.Count && verified[i])).ToList();
            var decisions = RetentionPolicy.Decide(backups, Keep(last: last == 0 ? null : last, daily: daily == 0 ? null : daily, weekly: weekly == 0 ? null : weekly), Jakarta);
            var newestVerified = backups.Where(b => b.Verified).OrderByDescending(b => b.Time).ThenByDescending(b => b.Id, StringComparer.Ordinal).FirstOrDefault();
            return decisions.Count == backups.Count
                && decisions.All(d => d.Keep == (d.Reasons.Count > 0))
                && (newestVerified is null || decisions.Single(d => ReferenceEquals(d.Backup, newestVerified)).Keep)
                && decisions.Count(d => d.Keep) >= Math.Min(last, backups.Count);
        });
    }
}
