using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Tests.Monitoring;

public sealed class HostVerdictTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 15, 2, 15, 0, TimeSpan.Zero);

    private static readonly HostMonitor Monitor = new(
        TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), new Threshold("<", 90), new Threshold("<", 85), new Threshold("<", 50), "< 4",
        new Dictionary<string, Threshold> { ["/"] = new("<", 90) }, null);

    private static HostSample Sample(double cpu = 12, double ram = 60, double disk = 40, double load = 0.5) =>
        new(At, cpu, ram, 10, load, 0.4, 0.3, [new DiskUse("/", disk, 100, 60), new DiskUse("/boot", 20, 10, 8)]);

    [Fact]
    public void Summary_is_the_seed_line_in_english()
    {
        Assert.Equal("Monitoring: CPU usage normal, RAM usage 60%", HostVerdict.Summary(Sample(), Monitor, Catalog.English));
        Assert.Equal("Monitoring: CPU usage high 97%", HostVerdict.Summary(Sample(cpu: 97.2), Monitor, Catalog.English)[..30]);
        Assert.Equal("Monitoring: CPU usage high 97%, RAM usage 60%", HostVerdict.Summary(Sample(cpu: 97.2, ram: 59.6), Monitor, Catalog.English));
    }

    [Fact]
    public void Summary_in_indonesian_says_normal_or_tinggi()
    {
        Assert.Equal("Monitoring: CPU usage normal, RAM usage 60%", HostVerdict.Summary(Sample(), Monitor, Catalog.Indonesian));
        Assert.Equal("Monitoring: CPU usage tinggi 97%, RAM usage 60%", HostVerdict.Summary(Sample(cpu: 97), Monitor, Catalog.Indonesian));
    }

    [Fact]
    public void Within_every_threshold_the_host_is_up_and_the_reason_lists_the_values()
    {
        var r = HostVerdict.Judge(Sample(), Monitor);
        Assert.Equal(("host", CheckOutcome.Up, At), (r.Check, r.Outcome, r.At));
        Assert.Equal("cpu 12%, memory 60%, swap 10%, load 0.5, disk / 40%", r.Reason);
    }

    [Fact]
    public void Each_exceeded_threshold_is_named_with_its_limit()
    {
        var r = HostVerdict.Judge(Sample(cpu: 95, disk: 93, load: 5.25), Monitor);
        Assert.Equal(CheckOutcome.Down, r.Outcome);
        Assert.Equal("cpu 95% (limit < 90%), load 5.25 (limit < 4), disk / 93% (limit < 90%)", r.Reason);
    }

    [Fact]
    public void A_disk_limit_for_a_mount_that_is_not_there_is_down()
    {
        var monitor = Monitor with { Disk = new Dictionary<string, Threshold> { ["/data"] = new("<", 90) } };
        Assert.Equal("disk /data not mounted", HostVerdict.Judge(Sample(), monitor).Reason);
    }

    [Theory]
    [InlineData("< 4", 3.9, true)]
    [InlineData("< 4", 4, false)]
    [InlineData("<= 4", 4, true)]
    [InlineData(">= 0.5", 0.4, false)]
    [InlineData("nonsense", 1, false)]
    public void Load_conditions_compare_load1(string condition, double load1, bool met) =>
        Assert.Equal(met, HostVerdict.LoadIsMet(condition, load1));

    [Fact]
    public void Ages_in_messages_are_minutes_from_an_hour_up()
    {
        Assert.Equal("1h5m", HeartbeatVerdict.Age(TimeSpan.FromSeconds(3929)));
        Assert.Equal("59m59s", HeartbeatVerdict.Age(TimeSpan.FromSeconds(3599.5)));
        Assert.Equal("0s", HeartbeatVerdict.Age(TimeSpan.Zero));
        Assert.Equal("1d2h", DurationValue.Format(TimeSpan.FromHours(26)));
    }
}
