using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Plan;

/// <summary>What a runbook does when a step fails (<c>on_failure:</c>): stop (the default), continue with the next step,
/// or start another runbook (<c>runbook rollback</c>) and then stop.</summary>
public sealed record StepFailure(FailureAction Action, string? Runbook)
{
    public static StepFailure Stop { get; } = new(FailureAction.Stop, null);

    public static StepFailure Continue { get; } = new(FailureAction.Continue, null);

    /// <summary>Reads <c>stop</c>, <c>continue</c> or <c>runbook NAME</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out StepFailure? failure)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        failure = words switch
        {
            ["stop"] => Stop,
            ["continue"] => Continue,
            ["runbook", var name] when name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') => new(FailureAction.Runbook, name),
            _ => null,
        };
        return failure is not null;
    }

    /// <summary>As the plan writes it.</summary>
    public override string ToString() => Action switch
    {
        FailureAction.Stop => "stop",
        FailureAction.Continue => "continue",
        FailureAction.Runbook => $"runbook {Runbook}",
    };
}
