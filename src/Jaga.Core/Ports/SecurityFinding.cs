using Jaga.Core.Updates.Advisories;

namespace Jaga.Core.Ports;

/// <summary>A security finding as the state store keeps it: what the latest reading that reported it said, since when it
/// has been reported, and when a complete reading no longer did.</summary>
/// <param name="Source">The reading that reports it.</param>
/// <param name="Scope">The reading's scope (empty for the project, the node for OS packages).</param>
/// <param name="Ecosystem">See <see cref="SecurityFindingSeen.Ecosystem"/>.</param>
/// <param name="Package"></param>
/// <param name="Version">The version in use at the latest reading.</param>
/// <param name="Advisory">The advisory's id, or an OS package's security archive.</param>
/// <param name="Severity"></param>
/// <param name="FixedVersion"></param>
/// <param name="FirstSeen">The first reading that reported it (since it was last resolved).</param>
/// <param name="LastSeen">The latest reading that reported it.</param>
/// <param name="ResolvedAt">The first complete reading that no longer reported it; null while pending.</param>
public sealed record SecurityFinding(
    SecurityFindingSource Source, string Scope, string Ecosystem, string Package, string Version, string Advisory, Severity Severity,
    string? FixedVersion, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset? ResolvedAt)
{
    /// <summary>How long it has been open at <paramref name="now"/> (until its resolution when resolved).</summary>
    public TimeSpan OpenFor(DateTimeOffset now) => (ResolvedAt ?? now) - FirstSeen;
}
