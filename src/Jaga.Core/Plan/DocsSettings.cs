namespace Jaga.Core.Plan;

/// <summary>The documents kept beside the plan.</summary>
/// <param name="RenderTo">Where <c>jaga plan render</c> writes the maintenance-plan document, relative to the plan; it is
/// written again whenever the plan changes (by <c>jaga plan render</c> and by the daemon on reload), and <c>jaga checklist</c>
/// flags it when it no longer matches the plan.</param>
public sealed record DocsSettings(string? RenderTo);
