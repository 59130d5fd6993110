using Jaga.Core.Ports;

namespace Jaga.Engine.Emergency.Drills;

/// <summary>What a drill did: the result recorded in the store, its maintenance-log line, the artifact restored, and with
/// <c>--keep</c> where the scratch target was left (its password masked).</summary>
public sealed record DrillRun(DrillResult Result, string Line, string? Artifact, string? Kept)
{
    public bool Succeeded => Result.Outcome == DrillOutcome.Succeeded;
}
