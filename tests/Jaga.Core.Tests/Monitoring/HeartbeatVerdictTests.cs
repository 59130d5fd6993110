using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Tests.Monitoring;

public sealed class HeartbeatVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Heartbeat Hourly = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null);
    private static readonly DateTimeOffset LongAgo = Now.AddDays(-10);

    private static Ping P(PingKind kind, TimeSpan ago, int? code = null) => new("cron", kind, code, Now - ago, "cli");

    private static CheckObservation Judge(DateTimeOffset firstSeen, params Ping[] pings) => HeartbeatVerdict.Judge(Hourly, pings, firstSeen, Now);

    [Fact]
    public void Up_while_the_last_success_is_within_every_plus_grace()
    {
        var o = Judge(LongAgo, P(PingKind.Success, TimeSpan.FromMinutes(119)));
        Assert.True(o.Connected);
        Assert.Equal("up", o.Values["STATE"]);
        Assert.Equal("7140", o.Values["LAST_PING_AGE_SECONDS"]);
    }

    [Fact]
    public void Down_when_the_last_success_is_older_than_every_plus_grace()
    {
        var o = Judge(LongAgo, P(PingKind.Success, TimeSpan.FromMinutes(125)));
        Assert.False(o.Connected);
        Assert.Equal("last success 2h5m ago, expected every 1h (grace 1h)", o.Error);
    }

    [Fact]
    public void A_start_without_a_finish_within_the_grace_is_down()
    {
        var o = Judge(LongAgo, P(PingKind.Success, TimeSpan.FromMinutes(70)), P(PingKind.Start, TimeSpan.FromMinutes(65)));
        Assert.False(o.Connected);
        Assert.Equal("started 1h5m ago, no finish within grace 1h", o.Error);
    }

    [Fact]
    public void A_start_still_within_the_grace_is_up_and_started()
    {
        var o = Judge(LongAgo, P(PingKind.Success, TimeSpan.FromMinutes(70)), P(PingKind.Start, TimeSpan.FromMinutes(20)));
        Assert.True(o.Connected);
        Assert.Equal("started", o.Values["STATE"]);
    }

    [Fact]
    public void A_finish_after_the_start_closes_it()
    {
        var o = Judge(LongAgo, P(PingKind.Start, TimeSpan.FromMinutes(100)), P(PingKind.Success, TimeSpan.FromMinutes(30)));
        Assert.True(o.Connected);
        Assert.Equal("up", o.Values["STATE"]);
    }

    [Fact]
    public void A_fail_or_non_zero_exit_is_down_until_the_next_success()
    {
        var fail = Judge(LongAgo, P(PingKind.Success, TimeSpan.FromMinutes(50)), P(PingKind.Fail, TimeSpan.FromMinutes(10)));
        Assert.False(fail.Connected);
        Assert.Equal("last ping 10m ago was a failure; down until the next success", fail.Error);
        var exit = Judge(LongAgo, P(PingKind.Exit, TimeSpan.FromMinutes(10), 2));
        Assert.Equal("last ping 10m ago was a failure (exit code 2); down until the next success", exit.Error);
        var recovered = Judge(LongAgo, P(PingKind.Fail, TimeSpan.FromMinutes(10)), P(PingKind.Success, TimeSpan.FromMinutes(1)));
        Assert.True(recovered.Connected);
        var exitZero = Judge(LongAgo, P(PingKind.Exit, TimeSpan.FromMinutes(10), 0));
        Assert.True(exitZero.Connected);
    }

    [Fact]
    public void Never_pinged_waits_every_plus_grace_after_first_seen_then_is_down()
    {
        var waiting = Judge(Now.AddMinutes(-119));
        Assert.True(waiting.Connected);
        Assert.Equal("waiting", waiting.Values["STATE"]);
        Assert.False(waiting.Values.ContainsKey("LAST_PING_AGE_SECONDS"));
        var down = Judge(Now.AddMinutes(-121));
        Assert.False(down.Connected);
        Assert.StartsWith("no ping yet", down.Error, StringComparison.Ordinal);
    }
}
