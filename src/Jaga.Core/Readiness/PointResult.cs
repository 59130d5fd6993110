using Jaga.Core.Ports;

namespace Jaga.Core.Readiness;

/// <summary>One point of the checklist: its evidence, whether a person must acknowledge it, their latest acknowledgement,
/// and whether it fails the checklist when unmet.</summary>
public sealed record PointResult(ReadinessPoint Point, IReadOnlyList<Evidence> Evidence, bool NeedsAck, ChecklistAck? Ack, bool Required)
{
    /// <summary>No evidence failed, and the acknowledgement it needs is given.</summary>
    public bool Met => Evidence.All(e => e.State != EvidenceState.Failed) && (!NeedsAck || Ack is not null);

    /// <summary>The point's name as the plan and <c>jaga checklist ack</c> write it.</summary>
    public string Name => ReadinessPoints.Name(Point);
}
