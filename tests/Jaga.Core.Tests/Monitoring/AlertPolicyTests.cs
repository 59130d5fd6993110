using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>Result by result: when a check goes down and up, and which alert goes out.</summary>
public sealed class AlertPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 2, 0, 0, TimeSpan.Zero);

    internal static Alert Notify(int after = 3, int recoverAfter = 1, TimeSpan? remind = null) =>
        new(after, recoverAfter, remind, ["oncall"], "restart-api");

    internal static CheckResult Result(int minute, bool passed) =>
        new("api", T0.AddMinutes(minute), passed ? CheckOutcome.Up : CheckOutcome.Down, TimeSpan.FromMilliseconds(30),
            passed ? "200 in 30 ms" : "[STATUS] == 200 failed: [STATUS] was 503");

    private static List<AlertDecision> Run(Alert? alert, params bool[] results)
    {
        var state = CheckState.Initial("api", T0);
        var decisions = new List<AlertDecision>();
        for (var i = 0; i < results.Length; i++)
        {
            var d = AlertPolicy.Apply(state, Result(i, results[i]), alert, new AlertContext(T0.AddMinutes(i), "tokoku"));
            decisions.Add(d);
            state = d.Next;
        }
        return decisions;
    }

    [Fact]
    public void The_first_pass_makes_an_unknown_check_up_without_an_alert()
    {
        var d = Run(Notify(), true).Single();

        Assert.Equal(new StatusChange(CheckStatus.Unknown, CheckStatus.Up), d.Change);
        Assert.Null(d.Send);
        Assert.Equal(CheckStatus.Up, d.Next.Status);
    }

    [Fact]
    public void Down_comes_at_the_third_failure_with_one_alert_naming_the_reason_and_runbook()
    {
        var ds = Run(Notify(), true, false, false, false, false);

        Assert.All(ds.Take(3), d => Assert.Null(d.Send));
        Assert.Equal(new StatusChange(CheckStatus.Up, CheckStatus.Down), ds[3].Change);
        var alert = ds[3].Send!;
        Assert.Equal(AlertKind.Down, alert.Kind);
        Assert.Equal("tokoku", alert.Project);
        Assert.Equal("[STATUS] == 200 failed: [STATUS] was 503", alert.Reason);
        Assert.Equal("restart-api", alert.Runbook);
        Assert.Equal(["oncall"], alert.Channels);
        Assert.Equal(T0.AddMinutes(3), ds[3].Next.Since);
        Assert.Null(ds[4].Send);
    }

    [Fact]
    public void Without_an_alert_section_three_failures_make_down_and_nothing_is_sent()
    {
        var ds = Run(null, false, false, false, true);

        Assert.Equal(new StatusChange(CheckStatus.Unknown, CheckStatus.Down), ds[2].Change);
        Assert.Equal(new StatusChange(CheckStatus.Down, CheckStatus.Up), ds[3].Change);
        Assert.All(ds, d => Assert.Null(d.Send));
    }

    [Fact]
    public void Recovery_needs_recover_after_passes_and_says_since_when_it_was_down()
    {
        var ds = Run(Notify(after: 1, recoverAfter: 2), false, true, true);

        Assert.Equal(AlertKind.Down, ds[0].Send!.Kind);
        Assert.Null(ds[1].Change);
        Assert.Equal(new StatusChange(CheckStatus.Down, CheckStatus.Up), ds[2].Change);
        Assert.Equal(AlertKind.Recovery, ds[2].Send!.Kind);
        Assert.Equal(T0, ds[2].Send!.DownSince);
        Assert.Null(ds[2].Next.LastAlertAt);
    }

    [Fact]
    public void Reminders_go_every_remind_every_while_down()
    {
        var ds = Run(Notify(after: 1, remind: TimeSpan.FromMinutes(10)), Enumerable.Repeat(false, 25).ToArray());

        var sent = ds.Select((d, i) => (d.Send, i)).Where(x => x.Send is not null).ToList();
        Assert.Equal([(AlertKind.Down, 0), (AlertKind.Reminder, 10), (AlertKind.Reminder, 20)], sent.Select(x => (x.Send!.Kind, x.i)));
        Assert.All(sent, x => Assert.Equal(T0, x.Send!.DownSince));
    }

    [Fact]
    public void A_down_alert_held_at_the_change_is_reported_held_once_and_sent_when_the_hold_lifts()
    {
        var state = CheckState.Initial("api", T0) with { Status = CheckStatus.Up };
        var hold = AlertHold.Maintenance("nightly");
        var held = new List<AlertDecision>();
        for (var i = 0; i < 3; i++)
        {
            var d = AlertPolicy.Apply(state, Result(i, false), Notify(after: 1), new AlertContext(T0.AddMinutes(i), "tokoku", hold));
            held.Add(d);
            state = d.Next;
        }
        var lifted = AlertPolicy.Apply(state, Result(3, false), Notify(after: 1), new AlertContext(T0.AddMinutes(3), "tokoku"));

        Assert.Equal(hold, held[0].Held);
        Assert.All(held, d => Assert.Null(d.Send));
        Assert.Null(held[1].Held);
        Assert.Equal(AlertKind.Down, lifted.Send!.Kind);
        Assert.Equal(T0, lifted.Send.DownSince);
    }

    [Fact]
    public void An_outage_that_ends_while_held_sends_no_recovery()
    {
        var state = CheckState.Initial("api", T0) with { Status = CheckStatus.Up };
        var ctx = new AlertContext(T0, "tokoku", AlertHold.ParentDown("db"));
        var down = AlertPolicy.Apply(state, Result(0, false), Notify(after: 1), ctx);
        var up = AlertPolicy.Apply(down.Next, Result(1, true), Notify(after: 1), ctx with { HeldBy = null });

        Assert.Equal(new StatusChange(CheckStatus.Down, CheckStatus.Up), up.Change);
        Assert.Null(up.Send);
    }
}
