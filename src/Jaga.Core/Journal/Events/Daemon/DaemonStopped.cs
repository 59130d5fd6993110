using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Daemon;

/// <summary><c>jaga run</c> stopped on a node.</summary>
/// <param name="Node">The node's name.</param>
public sealed record DaemonStopped(string Node) : JournalEvent("daemon.stop", "daemon.stopped", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Node];
}
