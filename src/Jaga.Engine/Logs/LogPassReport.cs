namespace Jaga.Engine.Logs;

/// <summary>One target's pass: every action with its reason and outcome, whether the glob matched nothing, and post_rotate's result.</summary>
public sealed record LogPassReport(LogTarget Target, IReadOnlyList<LogActionResult> Actions, bool Missing, string? PostRotate)
{
    public int Failed => Actions.Count(a => a.Error is not null) + (PostRotate is { } p && !p.StartsWith("exit 0", StringComparison.Ordinal) ? 1 : 0);
}
