using Jaga.Core.Ledger;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Journal.Events.Notify;

/// <summary>An alert was delivered to a channel.</summary>
/// <param name="Alert">Down, reminder or recovery.</param>
/// <param name="Check">The check.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Medium">How it was sent (webhook, e-mail).</param>
/// <param name="Attempts">How many tries it took.</param>
public sealed record AlertSent(AlertKind Alert, string Check, string Channel, string Medium, int Attempts) : JournalEvent("notify.sent", "notify.sent", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [AlertText.KindWord(Alert), Check, Channel, Medium, Attempts];
}
