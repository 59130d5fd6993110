namespace Jaga.Engine.Emergency.Steps;

/// <summary>How one runbook step ended; stored as its lower-case name (<c>timedout</c>), shown through
/// <c>word.step.*</c> in the catalog.</summary>
public enum StepOutcome
{
    /// <summary>It did what it should: an accepted exit code, every condition held, the wait was over.</summary>
    Succeeded,

    /// <summary>It ran and did not do what it should, or could not start (a missing working directory).</summary>
    Failed,

    /// <summary>It was still running at its timeout and was stopped (a command with its whole process group).</summary>
    TimedOut,

    /// <summary>The run was cancelled while the step ran (Ctrl+C, shutdown); it was stopped like a timeout.</summary>
    Cancelled,
}
