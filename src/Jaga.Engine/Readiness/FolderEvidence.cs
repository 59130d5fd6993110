using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>Point 2, folder structure: what is at the top level, documents that belong in an archive or <c>docs/</c>, and
/// whether sources and tests are apart. A person judges it and acknowledges it.</summary>
internal static class FolderEvidence
{
    private static readonly string[] Documents = [".md", ".txt", ".doc", ".docx", ".pdf", ".odt", ".rtf", ".pptx", ".xlsx"];

    /// <summary>Top-level documents every project keeps where they are.</summary>
    private static readonly string[] Kept = ["README", "CHANGELOG", "LICENSE", "LICENCE", "CONTRIBUTING", "SECURITY", "CODE_OF_CONDUCT", "NOTICE", "AUTHORS", "MAINTENANCE", "MIGRATION", "requirements"];

    private static readonly string[] Sources = ["src", "lib", "app", "cmd", "pkg", "internal"];

    private static readonly string[] Tests = ["tests", "test", "spec", "__tests__"];

    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, GitRepository? git, CancellationToken ct)
    {
        var root = git?.Root ?? inputs.Plan.Directory;
        // What git tracks or would add is the project; without git, what is on disk.
        IReadOnlyList<string> top = git is null
            ? [.. Directory.EnumerateFileSystemEntries(root).Select(e => Path.GetFileName(e) + (Directory.Exists(e) ? "/" : ""))]
            : [.. (await git.FilesAsync(ct)).Select(p => p.Contains('/', StringComparison.Ordinal) ? p[..(p.IndexOf('/', StringComparison.Ordinal) + 1)] : p)];
        var entries = top.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = new List<Evidence> { Evidence.Note("cli.checklist.folders.top", entries.Count, string.Join(", ", entries)) };
        var rendered = inputs.Plan.Plan.Docs.RenderTo is { } r ? Path.GetFileName(r) : null;
        var stray = entries.Where(e => !e.EndsWith('/') && Documents.Contains(Path.GetExtension(e), StringComparer.OrdinalIgnoreCase)
            && !Kept.Any(k => e.StartsWith(k, StringComparison.OrdinalIgnoreCase)) && e != rendered).ToList();
        if (stray.Count > 0) found.Add(Evidence.Note("cli.checklist.folders.stray", string.Join(", ", stray)));
        var hasSources = entries.Any(e => Sources.Contains(e.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
        var hasTests = entries.Any(e => Tests.Contains(e.TrimEnd('/'), StringComparer.OrdinalIgnoreCase));
        found.Add(hasSources && hasTests ? Evidence.Ok("cli.checklist.folders.split") : Evidence.Note("cli.checklist.folders.nosplit"));
        return found;
    }
}
