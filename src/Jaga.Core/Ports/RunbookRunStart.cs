namespace Jaga.Core.Ports;

/// <summary>A runbook run about to start, as the executor asks the store to record it.</summary>
/// <param name="Id">Eight lower-case hex digits chosen by the caller (what <c>jaga runbook approve RUN</c> takes); unique.</param>
/// <param name="Runbook">The runbook's name in the plan.</param>
/// <param name="Parameters">The run's parameters, already without secrets: a secret is referenced and resolved only at execution.</param>
/// <param name="Trigger">What started it: <c>manual</c>, or the stored text of a job (<c>check:api</c>, <c>backup:db</c>,
/// <c>heartbeat:x</c>, <c>drill:db</c>).</param>
/// <param name="IncidentId">The incident the run belongs to, or null.</param>
/// <param name="StartedBy">The person who started it, or <c>jaga</c> for an automatic trigger.</param>
public sealed record RunbookRunStart(
    string Id, string Runbook, IReadOnlyDictionary<string, string> Parameters, string Trigger, long? IncidentId, string StartedBy);
