using System.Net.Sockets;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>tcp</c> check: [CONNECTED] when a connection to host:port opens; [RESPONSE_TIME] is the connect time;
/// [IP] the address reached.</summary>
internal sealed class TcpProbe(TcpCheck check, ProbeContext context) : ICheckProbe
{
    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var (host, port) = HostPortText.Split(check.Tcp);
            using var client = new TcpClient();
            await context.Resolver.ConnectAsync(client, host, port, token);
            return new CheckObservation(true, elapsed()) { Values = ProbeValues.Ip(client.Client.RemoteEndPoint) };
        }, null, ct);
}
