using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Engine.Files;

namespace Jaga.Engine.Readiness;

/// <summary>The maintenance-plan document kept beside the plan (<c>docs.render_to</c>): written again whenever the plan
/// changes, and stale when it no longer reads as the plan renders.</summary>
public static class RenderedPlan
{
    /// <summary>Where the plan keeps its document, or null when it keeps none.</summary>
    public static string? PathOf(LoadedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Plan.Docs.RenderTo is { } to ? plan.Resolve(to) : null;
    }

    /// <summary>Whether the kept document is what the plan renders now, in any language.</summary>
    public static bool IsCurrent(LoadedPlan plan, string path) =>
        InputFile.ReadText(path, InputFile.PlanLimit, "rendered plan") is { } text && Catalog.Languages.Any(l => PlanDocument.Markdown(plan, l) == text);

    /// <summary>Writes the document (atomically) when the plan keeps one and it is not current; returns the path written.</summary>
    public static string? Refresh(LoadedPlan plan)
    {
        if (PathOf(plan) is not { } path || IsCurrent(plan, path)) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, PlanDocument.Markdown(plan));
        return path;
    }
}
