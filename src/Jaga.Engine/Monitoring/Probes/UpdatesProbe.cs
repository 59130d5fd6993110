using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>An <c>updates</c> check: the pending security findings and the latest readings in the state store, judged by
/// <see cref="UpdatesVerdict"/>. It asks no registry and runs no apt: the audits and <c>jaga patches</c> feed the store.</summary>
internal sealed class UpdatesProbe(UpdatesCheck check, ProbeContext context) : ICheckProbe
{
    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var pending = await context.Store.Security.PendingAsync(token);
            var readings = await context.Store.Security.ReadingsAsync(token);
            var verdict = UpdatesVerdict.Judge(check.Updates, pending, readings, context.Clock.GetUtcNow(), context.Words);
            return verdict with { ResponseTime = elapsed() };
        }, null, ct);
}
