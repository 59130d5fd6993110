namespace Jaga.Core.Ports;

/// <summary>One run of one runbook as the store keeps it (see <see cref="RunbookRunStart"/> for the fields it started with).</summary>
/// <param name="Id"></param>
/// <param name="Runbook"></param>
/// <param name="Parameters">Compared by reference, as any dictionary in a record: compare runs with it set aside.</param>
/// <param name="Trigger"></param>
/// <param name="IncidentId"></param>
/// <param name="StartedBy"></param>
/// <param name="StartedAt"></param>
/// <param name="Status"></param>
/// <param name="EndedAt">Set while the run has ended (any status but running or waiting for approval); cleared by a take-over.</param>
/// <param name="Detail">Why it has its status (the failing step, who cancelled), masked by the caller.</param>
/// <param name="Node">The process that drives the run (or drove it last).</param>
/// <param name="LeaseUntil">Until when <paramref name="Node"/> holds it; live while not before now.</param>
public sealed record RunbookRun(
    string Id, string Runbook, IReadOnlyDictionary<string, string> Parameters, string Trigger, long? IncidentId, string StartedBy,
    DateTimeOffset StartedAt, RunbookRunStatus Status, DateTimeOffset? EndedAt, string? Detail, string Node, DateTimeOffset LeaseUntil);
