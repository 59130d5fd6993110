using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>New advisory data arrived since the last update run: the daemon re-audits offline (registry cache and local
/// advisory data) to apply the security fixes whose policy is <c>immediate</c> now, not at the next scheduled run.</summary>
/// <param name="Imported">What arrived: each ecosystem's import with its time, comma-separated.</param>
public sealed record SecurityWatchTriggered(string Imported) : JournalEvent("update.watch", "update.watch.triggered", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Imported];
}
