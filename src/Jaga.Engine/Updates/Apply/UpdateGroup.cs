using Jaga.Core.Updates;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Engine.Updates.Apply;

/// <summary>Updates applied and tested together, as the caller grouped them by policy (<c>security</c>, <c>patch</c>).
/// When the tests fail with the whole group, it is bisected to find the update(s) that break them.</summary>
/// <param name="Name">The group's name, shown in progress and stored with each update's journal entry.</param>
/// <param name="Updates">Its updates, in the order they are tried.</param>
public sealed record UpdateGroup(string Name, IReadOnlyList<PlannedUpdate> Updates)
{
    /// <summary>Security fixes first, then patch, minor and major updates: a group is tested together, and bisected only
    /// when its tests fail.</summary>
    public static IReadOnlyList<UpdateGroup> ByKind(IEnumerable<PlannedUpdate> updates) =>
    [
        .. updates.GroupBy(u => u.Security ? (UpdateKind?)null : u.Kind)
            .OrderBy(g => g.Key is { } kind ? 1 + (int)kind : 0)
            .Select(g => new UpdateGroup(g.Key is { } kind ? AuditWords.Of(kind) : "security", [.. g])),
    ];
}
