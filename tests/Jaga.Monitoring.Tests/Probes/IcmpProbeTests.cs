using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>icmp</c> check. Only loopback is pinged: no test sends traffic off this machine.</summary>
public sealed class IcmpProbeTests
{
    [Fact]
    public async Task Loopback_answers_the_echo()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: self\n  icmp: 127.0.0.1\n  timeout: 5s");
        var seen = await world.ObserveAsync("self");
        Assert.True(seen.Connected, seen.Error);
        Assert.InRange(seen.ResponseTime, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(CheckOutcome.Up, CheckVerdict.Judge(world.Check("self"), seen, DateTimeOffset.UnixEpoch, Redactor.None).Outcome);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_down_and_names_dns()
    {
        await using var world = await ProbeWorld.CreateAsync("- name: nowhere\n  icmp: no-such-host.invalid\n  timeout: 5s");
        var seen = await world.ObserveAsync("nowhere");
        Assert.False(seen.Connected);
        Assert.StartsWith("DNS", seen.Error, StringComparison.Ordinal);
        var result = CheckVerdict.Judge(world.Check("nowhere"), seen, DateTimeOffset.UnixEpoch, Redactor.None);
        Assert.Equal(CheckOutcome.Down, result.Outcome);
    }
}
