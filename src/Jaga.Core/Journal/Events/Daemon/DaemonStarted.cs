using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Daemon;

/// <summary><c>jaga run</c> started on a node.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Jobs">How many jobs it schedules.</param>
/// <param name="Listen">The address its HTTP endpoints listen on.</param>
public sealed record DaemonStarted(string Node, int Jobs, string Listen) : JournalEvent("daemon.start", "daemon.started", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Node, Jobs, Listen];
}
