using System.Globalization;

namespace Jaga.Daemon.Tests;

/// <summary>One row of <c>job_runs</c>, as the tests read it straight from the database.</summary>
internal sealed record MultiNodeRun(long Id, DateTimeOffset Occurrence, int Attempt, string Node, DateTimeOffset ClaimedAt, DateTimeOffset? FinishedAt, string Outcome)
{
    /// <summary>The process id in a node id (<c>host:pid:random</c>).</summary>
    public int Pid => int.Parse(Node.Split(':')[^2], CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"#{Id} {Occurrence:HH:mm:ss.fff} attempt {Attempt} on {Node}: {Outcome} ({ClaimedAt:HH:mm:ss.fff}–{FinishedAt:HH:mm:ss.fff})";
}
