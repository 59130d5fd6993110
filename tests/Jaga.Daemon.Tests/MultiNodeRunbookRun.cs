using System.Globalization;

namespace Jaga.Daemon.Tests;

/// <summary>One row of <c>runbook_runs</c>, as the tests read it straight from the database.</summary>
internal sealed record MultiNodeRunbookRun(string Id, string Runbook, string Trigger, long? Incident, string Status, string Node)
{
    /// <summary>The process id in the driving node's id (<c>host:pid:random</c>).</summary>
    public int Pid => int.Parse(Node.Split(':')[^2], CultureInfo.InvariantCulture);

    public override string ToString() => $"run {Id} of {Runbook} ({Trigger}, incident {Incident}) on {Node}: {Status}";
}
