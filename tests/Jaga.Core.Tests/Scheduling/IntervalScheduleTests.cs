using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Scheduling;

public sealed class IntervalScheduleTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void Occurrences_are_multiples_of_the_period_from_the_epoch_so_every_node_computes_the_same()
    {
        var every = new IntervalSchedule(TimeSpan.FromSeconds(30));
        var t = new DateTimeOffset(2026, 12, 1, 10, 0, 17, 345, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), every.Previous(t, Jakarta));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 30, TimeSpan.Zero), every.Next(t, Jakarta));
        Assert.Equal(every.Next(t, Jakarta), new IntervalSchedule(TimeSpan.FromSeconds(30)).Next(t.AddMilliseconds(-300), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Next_is_strictly_after_an_occurrence_and_previous_includes_it()
    {
        var every = new IntervalSchedule(TimeSpan.FromMinutes(5));
        var at = new DateTimeOffset(2026, 12, 1, 10, 5, 0, TimeSpan.Zero);

        Assert.Equal(at, every.Previous(at, Jakarta));
        Assert.Equal(at.AddMinutes(5), every.Next(at, Jakarta));
    }

    [Fact]
    public void A_fixed_rate_never_drifts_however_late_runs_finish()
    {
        var every = new IntervalSchedule(TimeSpan.FromSeconds(10));
        var t = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        // Each run "finishes" 3.7 s after its occurrence; the next occurrence is still on the 10 s grid.
        for (var i = 0; i < 1000; i++) t = every.Next(t.AddSeconds(3.7), Jakarta)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(10_000), t);
    }

    [Fact]
    public void Text_says_every_and_the_period() => Assert.Equal("every 1h30m", new IntervalSchedule(TimeSpan.FromMinutes(90)).Text);

    [Fact]
    public void An_interval_under_a_second_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalSchedule(TimeSpan.FromMilliseconds(500)));

    [Fact]
    public void A_phase_shifts_every_occurrence_within_the_period_and_names_spread_checks_over_it()
    {
        var every = new IntervalSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(2_500));
        var t = new DateTimeOffset(2026, 12, 1, 2, 0, 1, TimeSpan.Zero);
        Assert.Equal(t.AddMilliseconds(1_500), every.Next(t, Jakarta));
        Assert.Equal(t.AddMilliseconds(-8_500), every.Previous(t, Jakarta));
        Assert.Equal(t.AddMilliseconds(1_500), every.Previous(t.AddMilliseconds(1_500), Jakarta));
        Assert.Equal(TimeSpan.FromSeconds(2.5), new IntervalSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5)).Phase);

        var phases = Enumerable.Range(0, 1_000).Select(i => IntervalSchedule.PhaseOf($"check-{i}", TimeSpan.FromSeconds(10))).ToList();
        Assert.All(phases, p => Assert.InRange(p, TimeSpan.Zero, TimeSpan.FromMilliseconds(9_999)));
        Assert.Equal(IntervalSchedule.PhaseOf("api", TimeSpan.FromSeconds(10)), IntervalSchedule.PhaseOf("api", TimeSpan.FromSeconds(10)));
        // Spread: every second of the ten holds some of a thousand checks, none more than twice its share.
        var perSecond = phases.GroupBy(p => (int)p.TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, perSecond.Count);
        Assert.All(perSecond.Values, n => Assert.InRange(n, 50, 200));
    }
}
