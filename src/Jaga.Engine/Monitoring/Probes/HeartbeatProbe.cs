using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>heartbeat</c> check: the pings stored for it (newest 100), judged by <see cref="HeartbeatVerdict"/>.</summary>
internal sealed class HeartbeatProbe(HeartbeatCheck check, ProbeContext context) : ICheckProbe
{
    private const int PingsRead = 100;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var pings = await context.Store.Pings.PingsAsync(check.Name, PingsRead, token);
            var verdict = HeartbeatVerdict.Judge(check.Heartbeat, pings, context.FirstSeenOf(check.Name), context.Clock.GetUtcNow(),
                context.Words, context.Plan.Plan.Timezone);
            return verdict with { ResponseTime = elapsed() };
        }, null, ct);
}
