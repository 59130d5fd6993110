namespace Jaga.Core.Ports;

/// <summary>One attempt at one step of a runbook run. A step that starts again after a resume gets the next attempt; every
/// attempt is kept, so the record shows what happened before the crash too.</summary>
/// <param name="RunId"></param>
/// <param name="Index">The step's position in the runbook, from 0.</param>
/// <param name="Attempt">1 for the first start of the step in this run, then 2, 3…</param>
/// <param name="Name">The step's name in the plan.</param>
/// <param name="Kind">The step's type as the plan writes it (<c>run</c>, <c>http</c>, <c>approve</c>…).</param>
/// <param name="StartedAt"></param>
/// <param name="EndedAt">Null while the attempt runs (or when its process died before it ended).</param>
/// <param name="Outcome">Null while the attempt runs.</param>
/// <param name="ExitCode"></param>
/// <param name="Output">See <see cref="StepAttemptEnd.Output"/>.</param>
/// <param name="OutputTail">See <see cref="StepAttemptEnd.OutputTail"/>.</param>
/// <param name="Detail"></param>
public sealed record RunbookStepAttempt(
    string RunId, int Index, int Attempt, string Name, string Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    StepAttemptOutcome? Outcome, int? ExitCode, string? Output, string? OutputTail, string? Detail);
