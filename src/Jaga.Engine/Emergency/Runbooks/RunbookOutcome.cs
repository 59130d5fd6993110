using Jaga.Core.Ports;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>How a run ended for the process that drove it.</summary>
/// <param name="Run">The run's id.</param>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Status">Its status now: succeeded, failed, interrupted (resumable), or still running when another node took it
/// over (<see cref="TakenOver"/>).</param>
/// <param name="Detail">Why, masked: the failing step and its reason.</param>
/// <param name="Line">The maintenance-log line of its end.</param>
public sealed record RunbookOutcome(string Run, string Runbook, RunbookRunStatus Status, string Detail, string Line)
{
    /// <summary>The run of the <c>on_failure: runbook NAME</c> that the failing step started, if any.</summary>
    public RunbookOutcome? FollowUp { get; init; }

    /// <summary>Another process took the run over (this one's lease ran out): it is not this one's to end.</summary>
    public bool TakenOver { get; init; }

    public bool Succeeded => Status == RunbookRunStatus.Succeeded;
}
