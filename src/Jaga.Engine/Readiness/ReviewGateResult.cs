using Jaga.Core.Ports;

namespace Jaga.Engine.Readiness;

/// <summary>What <see cref="ReviewGate"/> decided: the change may be carried out now (its request reviewed and taken), or it
/// waits for the review of <paramref name="Change"/>.</summary>
public sealed record ReviewGateResult(ChangeRecord Change, bool Passed);
