using Jaga.Core.Monitoring;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Monitoring.Tests.Engine;

/// <summary>A probe whose answers the test sets, with a fixed response time: for an http check up (200) or down (503),
/// for the other kinds connected or refused.</summary>
internal sealed class ScriptedProbe(string kind) : ICheckProbe
{
    public bool Up { get; set; } = true;

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) => Task.FromResult(kind == "http"
        ? new CheckObservation(true, TimeSpan.FromMilliseconds(12)) { Status = Up ? 200 : 503, Body = Up ? "ok" : "down" }
        : new CheckObservation(Up, TimeSpan.FromMilliseconds(3)) { Error = Up ? null : "connection refused" });
}
