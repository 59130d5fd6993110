using Jaga.Core.Plan.Values;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>What is valid but unsafe in a plan, with its position and the fix: <c>validate</c> prints these as warnings
/// and <c>jaga run</c> logs them at start. The plan still runs.</summary>
public static class PlanWarnings
{
    /// <param name="root">The plan as written (for positions), after interpolation.</param>
    /// <param name="plan">The same plan, bound.</param>
    /// <param name="file">The plan's path as the user gave it.</param>
    public static IReadOnlyList<PlanError> Of(PMap root, MaintenancePlan plan, string file)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<PlanError>();
        if (ListenAddress.IsLoopback(plan.Listen)) return warnings;
        var nodes = (root["monitoring"] as PMap)?["checks"] as PList;
        for (var i = 0; i < (nodes?.Items.Count ?? 0); i++)
        {
            // A name is guessable: on an address other machines reach, only a token protects who may say a job ran or failed.
            if (nodes!.Items[i] is not PMap node || node.Entry("heartbeat") is not { } heartbeat) continue;
            var name = (node["name"] as PScalar)?.Value;
            if (plan.Monitoring.Checks.OfType<HeartbeatCheck>().FirstOrDefault(c => c.Name == name) is not { Heartbeat.Token: null }) continue;
            warnings.Add(new PlanError(file, heartbeat.KeyMark,
                $"monitoring.checks[{i}] ({name}): heartbeat without a token, and listen: {plan.Listen} is reachable from other machines, so pings by its name are refused (404)",
                $"add a random token, e.g. heartbeat: {{ ..., token: <output of 'openssl rand -hex 16'> }}, or listen on 127.0.0.1"));
        }
        // /metrics names every job and check (and their states): open to the network unless it asks for a token.
        if (!plan.Dashboard.MetricsNeedToken)
        {
            var at = ((root["dashboard"] as PMap)?.Entry("metrics") ?? root.Entry("listen"))?.KeyMark ?? default;
            warnings.Add(new PlanError(file, at,
                $"dashboard.metrics: public, and listen: {plan.Listen} is reachable from other machines, so /metrics shows every job's and check's name and state to anyone, without a sign-in",
                "set dashboard: { metrics: token } and give Prometheus an API token (jaga token create prometheus --role viewer), or listen on 127.0.0.1"));
        }
        return warnings;
    }
}
