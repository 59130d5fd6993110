using Jaga.Core.Ledger;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Journal.Events.Notify;

/// <summary>An alert was dropped: its channel's queue was full, or the node was stopping.</summary>
/// <param name="Alert">Down, reminder or recovery.</param>
/// <param name="Check">The check.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Medium">How it was to be sent.</param>
/// <param name="Waiting">How many alerts wait for the channel.</param>
public sealed record AlertDropped(AlertKind Alert, string Check, string Channel, string Medium, int Waiting) : JournalEvent("notify.dropped", "notify.dropped", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [AlertText.KindWord(Alert), Check, Channel, Medium, Waiting];
}
