using Jaga.Core.Errors;

namespace Jaga.Core.Storage;

/// <summary>The one migration runner both stores use: it orders their versioned steps, reads which are applied, refuses a
/// schema newer than this Jaga knows, and applies the rest in order. The store supplies its SQL and its transaction.</summary>
public static class SchemaMigrator
{
    /// <summary>The steps still to apply, in version order. Refuses steps that are not numbered 1, 2, 3… (a bug in the
    /// store), and a store that already has a version beyond the last step (written by a newer Jaga, whose tables this one
    /// would misread).</summary>
    public static IReadOnlyList<SchemaStep> Pending(IReadOnlyList<SchemaStep> steps, IReadOnlyCollection<int> applied)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(applied);
        var ordered = steps.OrderBy(s => s.Version).ToList();
        for (var i = 0; i < ordered.Count; i++)
            if (ordered[i].Version != i + 1)
                throw new ArgumentException($"schema steps are numbered 1 to {ordered.Count} without gaps or repeats, not {string.Join(", ", steps.Select(s => s.Version))}", nameof(steps));
        var known = ordered.Count;
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > known)
            throw new UserException(
                $"the state store's schema is at version {newest}, newer than this jaga knows ({known})",
                "a newer jaga wrote to this store: run that version (or newer) of jaga with it");
        return [.. ordered.Where(s => !applied.Contains(s.Version))];
    }

    /// <summary>Applies the pending steps through <paramref name="session"/>, each recorded at the clock's time; returns them.</summary>
    public static async Task<IReadOnlyList<SchemaStep>> MigrateAsync(
        IReadOnlyList<SchemaStep> steps, ISchemaSession session, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var pending = Pending(steps, await session.AppliedAsync(ct));
        foreach (var step in pending) await session.ApplyAsync(step, clock.GetUtcNow(), ct);
        return pending;
    }
}
