namespace Jaga.Core.Ports;

/// <summary>How one attempt at one runbook step ended. Stored as the member name in lower case (<c>timedout</c>).
/// <see cref="Interrupted"/> is the store's own: an attempt never finished (its process died) once the step starts again.</summary>
public enum StepAttemptOutcome { Succeeded, Failed, Skipped, TimedOut, Simulated, Interrupted }
