using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>What a person watching a run sees as it happens (the terminal of <c>jaga runbook run</c>); every text is masked
/// before it gets here. Each callback is optional.</summary>
public sealed class RunbookListener
{
    public static RunbookListener None { get; } = new();

    /// <summary>The run was recorded (started or taken over for a resume).</summary>
    public Action<RunbookRun, bool>? RunStarted { get; init; }

    /// <summary>A step a resume does not repeat: its latest attempt succeeded (index from 0).</summary>
    public Action<int, RunbookStep>? StepSkipped { get; init; }

    /// <summary>A step starts (index from 0, attempt from 1).</summary>
    public Action<int, RunbookStep, int>? StepStarted { get; init; }

    /// <summary>A line of a step's output as it comes (a command's stdout and stderr, what a restore will overwrite).</summary>
    public Action<string>? Line { get; init; }

    /// <summary>A step ended.</summary>
    public Action<int, RunbookStep, StepResult>? StepEnded { get; init; }

    /// <summary>The run ended, or its driver stopped (interrupted, taken over).</summary>
    public Action<RunbookOutcome>? RunEnded { get; init; }
}
