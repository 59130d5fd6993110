namespace Jaga.Daemon.Tests;

/// <summary>One row of the state store's <c>job_runs</c>, as the tests read it (times in ms since the epoch).</summary>
internal sealed record RunRow(string Job, string Outcome, long ClaimedAt, long? FinishedAt, string Detail)
{
    public override string ToString() => $"{Job} {Outcome} {DaemonProject.Ms(ClaimedAt)}..{(FinishedAt is { } f ? DaemonProject.Ms(f) : "-")} {Detail}";
}
