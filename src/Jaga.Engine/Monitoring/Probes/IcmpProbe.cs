using System.Net.NetworkInformation;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>icmp</c> check: one echo request to the host (a raw socket when the process may open one, else the
/// system's <c>ping</c>, as .NET's <see cref="Ping"/> does); [CONNECTED] when the echo came back, [RESPONSE_TIME] the
/// time to it (name lookup included, by <c>monitoring.resolver</c> when the plan names one).</summary>
internal sealed class IcmpProbe(IcmpCheck check, ProbeContext context) : ICheckProbe
{
    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var address = (await context.Resolver.AddressesAsync(check.Icmp.Trim(), token))[0];
            using var ping = new Ping();
            var reply = await ping.SendPingAsync(address, check.Timeout, cancellationToken: token);
            return reply.Status switch
            {
                IPStatus.Success => new CheckObservation(true, elapsed()),
                IPStatus.TimedOut or IPStatus.TimeExceeded => ProbeRun.Failed(elapsed(), ProbeRun.TimedOut(check.Timeout)),
                IPStatus.DestinationHostUnreachable or IPStatus.DestinationNetworkUnreachable => ProbeRun.Failed(elapsed(), "host unreachable"),
                var status => ProbeRun.Failed(elapsed(), "no echo reply: " + status),
            };
        }, null, ct);
}
