using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;

namespace Jaga.Monitoring.Tests.Probes;

/// <summary>The <c>icmp</c> check. Only loopback is pinged: no test sends traffic off this machine (a name that does not
/// resolve is in <see cref="ResolverProbeTests"/>, against a DNS server on loopback).</summary>
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
}
