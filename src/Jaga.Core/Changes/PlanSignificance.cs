using Jaga.Core.Plan;

namespace Jaga.Core.Changes;

/// <summary>What makes a plan change significant: it touches the backup destinations (their settings, or where a job sends
/// its backups), retention (a job's <c>keep</c>, the check history), encryption (a job's <c>encrypt</c>), or removes a check.
/// Names what changed, never a value: values may be secrets.</summary>
public static class PlanSignificance
{
    /// <summary>One description per significant difference, e.g. <c>destinations: offsite</c>, <c>retention: db</c>,
    /// <c>check removed: api</c>; empty when the change is not significant.</summary>
    public static IReadOnlyList<string> Of(MaintenancePlan before, MaintenancePlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var found = new List<string>();
        var destinations = before.Destinations.Keys.Union(after.Destinations.Keys, StringComparer.Ordinal)
            .Where(n => !before.Destinations.TryGetValue(n, out var a) || !after.Destinations.TryGetValue(n, out var b) || a != b)
            .Order(StringComparer.Ordinal).ToList();
        if (destinations.Count > 0) found.Add("destinations: " + string.Join(", ", destinations));

        var jobs = before.Backup.Where(j => after.Backup.Any(n => n.Name == j.Name))
            .Select(j => (Old: j, New: after.Backup.First(n => n.Name == j.Name))).ToList();
        Add(found, "backup targets", jobs.Where(p => !p.Old.To.SequenceEqual(p.New.To)).Select(p => p.Old.Name));
        Add(found, "retention", jobs.Where(p => p.Old.Keep != p.New.Keep).Select(p => p.Old.Name));
        if (before.Monitoring.History != after.Monitoring.History) found.Add("retention: monitoring.history");
        Add(found, "encryption", jobs.Where(p => !SameEncryption(p.Old.Encrypt, p.New.Encrypt)).Select(p => p.Old.Name));
        Add(found, "backup removed", before.Backup.Where(j => after.Backup.All(n => n.Name != j.Name)).Select(j => j.Name));
        Add(found, "check removed", before.Monitoring.Checks.Where(c => after.Monitoring.Checks.All(n => n.Name != c.Name)).Select(c => c.Name));
        return found;
    }

    private static void Add(List<string> found, string what, IEnumerable<string> names)
    {
        var list = names.ToList();
        if (list.Count > 0) found.Add(what + ": " + string.Join(", ", list));
    }

    private static bool SameEncryption(EncryptSettings? a, EncryptSettings? b) =>
        (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => a.Recipients.SequenceEqual(b.Recipients) && a.PassphraseEnv == b.PassphraseEnv && a.Identity == b.Identity && a.Armor == b.Armor,
        };
}
