using Jaga.Core.Plan;

namespace Jaga.Core.Monitoring;

/// <summary>The checks a check depends on, through <c>depends_on</c>: while one of them is down, the dependent's alerts wait.</summary>
public static class Dependencies
{
    /// <summary>The nearest ancestor of <paramref name="check"/> (its <c>depends_on</c>, theirs, and so on) whose status is
    /// down, or null. Nearest means fewest steps away; ties go to the order of <c>depends_on</c>. Cycles (refused when the
    /// plan loads) cannot loop here.</summary>
    public static string? DownAncestor(IReadOnlyList<Check> checks, string check, Func<string, CheckStatus> status)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(status);
        // Most checks depend on nothing: found without building the map (this runs at every check run).
        Check? self = null;
        for (var i = 0; i < checks.Count && self is null; i++) if (checks[i].Name == check) self = checks[i];
        if (self is null || self.DependsOn.Count == 0) return null;
        var byName = new Dictionary<string, Check>(StringComparer.Ordinal);
        foreach (var c in checks) byName.TryAdd(c.Name, c);
        var seen = new HashSet<string>(StringComparer.Ordinal) { check };
        var queue = new Queue<string>();
        Enqueue(check);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            if (status(parent) == CheckStatus.Down) return parent;
            Enqueue(parent);
        }
        return null;

        void Enqueue(string name)
        {
            if (!byName.TryGetValue(name, out var c)) return;
            foreach (var parent in c.DependsOn)
                if (seen.Add(parent)) queue.Enqueue(parent);
        }
    }

    /// <summary>The hold for <paramref name="check"/> now: a down ancestor first (the outage's cause), else an active
    /// maintenance window; null when alerts may go out.</summary>
    public static AlertHold? HoldFor(MaintenancePlan plan, string check, Func<string, CheckStatus> status, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var monitoring = plan.Monitoring;
        if (DownAncestor(monitoring.Checks, check, status) is { } parent) return AlertHold.ParentDown(parent);
        return MaintenanceWindows.Active(monitoring.Maintenance, check, now, zone) is { } window ? AlertHold.Maintenance(window.Name) : null;
    }
}
