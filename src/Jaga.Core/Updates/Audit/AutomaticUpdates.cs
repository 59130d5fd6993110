using Jaga.Core.Plan;

namespace Jaga.Core.Updates.Audit;

/// <summary>Which updates of an audit are applied without a person naming them.</summary>
public static class AutomaticUpdates
{
    /// <summary>What <c>jaga deps update --apply</c> (without <c>--only</c>) and the scheduled update run apply: every
    /// update the policy applies by itself (<c>immediate</c> or <c>auto</c>), in the audit's order.</summary>
    public static IReadOnlyList<PlannedUpdate> Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. findings.Where(f => f.Decision == Decision.Apply && f.Update is not null).Select(f => f.Update!)];
    }

    /// <summary>What the security watch applies between scheduled runs: the security fixes among <see cref="Of"/>, and only
    /// when the policy for security fixes is <c>immediate</c> (with <c>auto</c> they wait for the scheduled run).</summary>
    public static IReadOnlyList<PlannedUpdate> Immediate(IEnumerable<Finding> findings, UpdatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Security == UpdateAction.Immediate ? [.. Of(findings).Where(u => u.Security)] : [];
    }
}
