namespace Jaga.Engine.Emergency.Steps;

/// <summary>What one step did, ready to be stored and shown: every text in it is already masked by the plan's redactor
/// and bounded, so the run record, the log and the terminal can take it as it is.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why, in the plan's language: <c>exit code 3, accepted: 0</c>, <c>timed out after 2m; process group
/// stopped with SIGTERM</c>, <c>[STATUS] == 200 failed: [STATUS] was 503</c>.</param>
/// <param name="Duration">From its start to its end, including stopping what it started.</param>
public sealed record StepResult(StepOutcome Outcome, string Reason, TimeSpan Duration)
{
    /// <summary>The first and the last parts of the output (a command's stdout and stderr merged; a response body), at most
    /// <see cref="StepOutput.HeadLimit"/> + <see cref="StepOutput.TailLimit"/> characters with a marker between them when
    /// more was written.</summary>
    public string Output { get; init; } = "";

    /// <summary>The last <see cref="StepOutput.TailSize"/> characters or so of the output, from a line's start when one is
    /// near: what the run record and the maintenance log keep.</summary>
    public string Tail { get; init; } = "";

    /// <summary>The command's exit code when it exited (after a kill too: 128 + the signal); null for other kinds.</summary>
    public int? ExitCode { get; init; }

    public bool Succeeded => Outcome == StepOutcome.Succeeded;
}
