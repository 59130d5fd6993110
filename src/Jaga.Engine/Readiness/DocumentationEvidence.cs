using Jaga.Core.Changes;
using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>Point 6, documentation: a README, a CHANGELOG and migration notes, each changed since the last migration run; the
/// rendered plan (<c>docs.render_to</c>) current; and no significant change awaiting review.</summary>
internal static class DocumentationEvidence
{
    private static readonly string[] NoteFolders = [".", "docs", "doc"];

    private static readonly string[] NoteExtensions = [".md", ".txt", ".rst", ".adoc"];

    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, GitRepository? git, CancellationToken ct)
    {
        var root = git?.Root ?? inputs.Plan.Directory;
        var found = new List<Evidence>();
        var migrated = await LastMigrationAsync(inputs, ct);
        foreach (var (what, file) in new[] { ("README", Top(root, "README")), ("CHANGELOG", Top(root, "CHANGELOG")), ("migration notes", Notes(root)) })
        {
            if (file is null)
            {
                found.Add(Evidence.Failed("cli.checklist.doc.missing", what));
                continue;
            }
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (migrated is { } at && git is not null && await git.LastChangeAsync(relative, ct) is { } changed && changed <= at)
                found.Add(Evidence.Failed("cli.checklist.doc.stale", relative, at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
            else found.Add(Evidence.Ok("cli.checklist.doc.present", relative));
        }
        found.Add(Rendered(inputs));
        var pending = await inputs.Store.Changes.ListAsync(unreviewed: true, 100, ct);
        found.Add(pending.Count == 0
            ? Evidence.Ok("cli.checklist.changes.reviewed")
            : Evidence.Failed("cli.checklist.changes.pending", pending.Count, string.Join(", ", pending.Select(c => c.Id).Order())));
        return found;
    }

    private static Evidence Rendered(ReadinessInputs inputs)
    {
        if (RenderedPlan.PathOf(inputs.Plan) is not { } path) return Evidence.Failed("cli.checklist.render.none");
        var shown = Path.GetRelativePath(inputs.Plan.Directory, path);
        if (!File.Exists(path)) return Evidence.Failed("cli.checklist.render.missing", shown);
        return RenderedPlan.IsCurrent(inputs.Plan, path) ? Evidence.Ok("cli.checklist.render.current", shown) : Evidence.Failed("cli.checklist.render.stale", shown);
    }

    /// <summary>When the newest migration run was recorded in the audit chain, if ever.</summary>
    private static async Task<DateTimeOffset?> LastMigrationAsync(ReadinessInputs inputs, CancellationToken ct)
    {
        DateTimeOffset? last = null;
        await foreach (var e in inputs.Store.ReadAsync(1, ct))
            if (e.Kind == SignificantChanges.MigrationKind) last = e.Time;
        return last;
    }

    private static string? Top(string root, string stem) =>
        Directory.EnumerateFiles(root).Where(f => Path.GetFileNameWithoutExtension(f).Equals(stem, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).FirstOrDefault();

    private static string? Notes(string root) =>
        NoteFolders.Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d))
            .Where(f => Path.GetFileName(f).StartsWith("migration", StringComparison.OrdinalIgnoreCase)
                && NoteExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).FirstOrDefault();
}
