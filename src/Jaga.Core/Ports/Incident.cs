namespace Jaga.Core.Ports;

/// <summary>An incident: something failed and people (and runbooks) are on it, from opening to recovery.</summary>
/// <param name="Id">Sequential, from 1 (<c>jaga incident show 7</c>).</param>
/// <param name="Key">What the incident is about (<c>check:api</c>): at most one open incident per key.</param>
/// <param name="Title"></param>
/// <param name="Source">What opened it: <c>alert</c>, or the person who opened it by hand.</param>
/// <param name="OpenedAt"></param>
/// <param name="Node">The process that opened it.</param>
/// <param name="AcknowledgedAt">The first acknowledgement; later ones do not move it.</param>
/// <param name="AcknowledgedBy"></param>
/// <param name="ClosedAt">Set once it is closed, on recovery or by hand.</param>
/// <param name="ClosedBy">Who closed it: <c>jaga</c> on recovery, or a person.</param>
/// <param name="CloseNote"></param>
public sealed record Incident(
    long Id, string Key, string Title, string Source, DateTimeOffset OpenedAt, string Node,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseNote)
{
    public bool Open => ClosedAt is null;

    /// <summary>From opening to the first acknowledgement, or null while nobody acknowledged it.</summary>
    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - OpenedAt;

    /// <summary>From opening to closing, or null while it is open.</summary>
    public TimeSpan? TimeToRecover => ClosedAt - OpenedAt;
}
