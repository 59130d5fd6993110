using Jaga.Core.Monitoring;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Looks at one check's target once. A target that fails (refused, timed out, wrong password, …) gives an
/// observation with <see cref="CheckObservation.Error"/> set, never an exception; only the caller's cancellation throws.</summary>
public interface ICheckProbe
{
    Task<CheckObservation> ObserveAsync(CancellationToken ct);
}
