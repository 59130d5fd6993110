using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan;

/// <summary>One thing wrong with the plan, where it is, and how to fix it.</summary>
public sealed record PlanError(string File, Mark At, string Message, string? Hint = null)
{
    public override string ToString() =>
        Hint is null ? $"{File}:{At.Line}:{At.Column}: {Message}" : $"{File}:{At.Line}:{At.Column}: {Message} ({Hint})";
}
