using Jaga.Core.Ledger;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Journal.Events.Notify;

/// <summary>An alert could not be delivered to a channel.</summary>
/// <param name="Alert">Down, reminder or recovery.</param>
/// <param name="Check">The check.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Medium">How it was sent (webhook, e-mail).</param>
/// <param name="Attempts">How many tries were made.</param>
/// <param name="Error">The last error.</param>
public sealed record AlertFailed(AlertKind Alert, string Check, string Channel, string Medium, int Attempts, string Error) : JournalEvent("notify.failed", "notify.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [AlertText.KindWord(Alert), Check, Channel, Medium, Attempts, Error];
}
