using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>Alerting rules that must hold for any sequence of results: generated sequences, many seeds.</summary>
public sealed class AlertPolicyPropertyTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 200; seed++) data.Add(seed);
        return data;
    }

    private sealed record Step(AlertDecision Decision, bool Held, int Minute);

    private static List<Step> Simulate(int seed, int after, int recoverAfter, TimeSpan? remind, double failRate, double holdRate)
    {
        var random = new Random(seed);
        var alert = AlertPolicyTests.Notify(after, recoverAfter, remind);
        var state = CheckState.Initial("api", AlertPolicyTests.Result(0, true).At);
        var steps = new List<Step>();
        var held = false;
        for (var minute = 0; minute < 300; minute++)
        {
            // Holds come in stretches, as maintenance windows and parent outages do.
            if (random.NextDouble() < 0.05) held = random.NextDouble() < holdRate;
            var result = AlertPolicyTests.Result(minute, random.NextDouble() >= failRate);
            var ctx = new AlertContext(result.At, "tokoku", held ? AlertHold.Maintenance("w") : null);
            var d = AlertPolicy.Apply(state, result, alert, ctx);
            steps.Add(new Step(d, held, minute));
            state = d.Next;
        }
        return steps;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_outage_sends_at_most_one_down_alert_and_recovery_only_after_one(int seed)
    {
        var steps = Simulate(seed, after: 1 + (seed % 4), recoverAfter: 1 + (seed % 3), remind: TimeSpan.FromMinutes(7), failRate: 0.4, holdRate: 0.5);

        var downSent = false;
        foreach (var s in steps)
        {
            var kind = s.Decision.Send?.Kind;
            if (kind == AlertKind.Down)
            {
                Assert.False(downSent, $"second down alert in one outage at minute {s.Minute}");
                Assert.Equal(CheckStatus.Down, s.Decision.Next.Status);
                downSent = true;
            }
            if (kind == AlertKind.Reminder) Assert.True(downSent, $"reminder before a down alert at minute {s.Minute}");
            if (kind == AlertKind.Recovery) Assert.True(downSent, $"recovery without a down alert at minute {s.Minute}");
            if (s.Decision.Change is { To: CheckStatus.Up })
            {
                Assert.Equal(downSent && s.Decision.Change.From == CheckStatus.Down, kind == AlertKind.Recovery);
                downSent = false;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Nothing_but_a_recovery_is_sent_while_held(int seed)
    {
        var steps = Simulate(seed, after: 2, recoverAfter: 1, remind: TimeSpan.FromMinutes(5), failRate: 0.5, holdRate: 0.7);

        Assert.All(steps.Where(s => s.Held && s.Decision.Send is not null), s => Assert.Equal(AlertKind.Recovery, s.Decision.Send!.Kind));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reminders_are_spaced_by_at_least_remind_every(int seed)
    {
        var remind = TimeSpan.FromMinutes(3 + (seed % 10));
        var steps = Simulate(seed, after: 1, recoverAfter: 1 + (seed % 5), remind: remind, failRate: 0.8, holdRate: 0.3);

        DateTimeOffset? last = null;
        foreach (var s in steps)
        {
            if (s.Decision.Send is not { } m) continue;
            if (m.Kind == AlertKind.Reminder) Assert.True(m.At - last >= remind, $"reminder {m.At - last} after the last alert at minute {s.Minute}");
            last = m.Kind == AlertKind.Recovery ? null : m.At;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Flapping_below_after_never_goes_down_or_alerts(int seed)
    {
        var random = new Random(seed);
        var after = 2 + (seed % 4);
        var state = CheckState.Initial("api", AlertPolicyTests.Result(0, true).At);
        var run = 0;
        for (var minute = 0; minute < 300; minute++)
        {
            // Fail at random, but never `after` times in a row.
            var fail = run < after - 1 && random.NextDouble() < 0.7;
            run = fail ? run + 1 : 0;
            var result = AlertPolicyTests.Result(minute, !fail);
            var d = AlertPolicy.Apply(state, result, AlertPolicyTests.Notify(after), new AlertContext(result.At, "tokoku"));
            Assert.Null(d.Send);
            Assert.NotEqual(CheckStatus.Down, d.Next.Status);
            state = d.Next;
        }
    }
}
