using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>heartbeat</c> check: the pings stored for it (the newest a store keeps), judged by <see cref="HeartbeatVerdict"/>.</summary>
internal sealed class HeartbeatProbe(HeartbeatCheck check, ProbeContext context) : ICheckProbe
{
    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var pings = await context.Store.Pings.PingsAsync(check.Name, Core.Ports.Ping.KeptPerCheck, token);
            var verdict = HeartbeatVerdict.Judge(check.Heartbeat, pings, context.FirstSeenOf(check.Name), context.Clock.GetUtcNow(),
                context.Words, context.Plan.Plan.Timezone);
            return verdict with { ResponseTime = elapsed() };
        }, null, ct);
}
