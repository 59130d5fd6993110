namespace Jaga.Core.Ports;

/// <summary>Acknowledgements of the readiness checklist's points (schema version 7).</summary>
public interface IChecklistAcks
{
    /// <summary>Keeps an acknowledgement; earlier ones of the same point stay in the history.</summary>
    Task AcknowledgeAsync(ChecklistAck ack, CancellationToken ct = default);

    /// <summary>The latest acknowledgement of each point.</summary>
    Task<IReadOnlyList<ChecklistAck>> LatestAsync(CancellationToken ct = default);
}
