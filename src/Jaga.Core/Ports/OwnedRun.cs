namespace Jaga.Core.Ports;

/// <summary>A finished run of a job its node owns rather than claims run by run (a check: see
/// <see cref="IJobRuns.RecordOwnedAsync"/>), for <c>jaga status</c>, the dashboard and <c>/metrics</c>.</summary>
/// <param name="Job"></param>
/// <param name="Occurrence">The occurrence it ran for (a whole millisecond).</param>
/// <param name="Node">The node that ran it.</param>
/// <param name="Started">When it started.</param>
/// <param name="Finished">When it ended.</param>
/// <param name="Outcome">How it ended; never <see cref="RunOutcome.Running"/>.</param>
/// <param name="Detail"></param>
public sealed record OwnedRun(string Job, DateTimeOffset Occurrence, string Node, DateTimeOffset Started, DateTimeOffset Finished, RunOutcome Outcome, string? Detail);
