using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A check's alert was held back: a check it depends on is down, or a maintenance window covers it.</summary>
/// <param name="Check">The check.</param>
/// <param name="Hold">What holds it.</param>
public sealed record AlertHeld(string Check, AlertHold Hold) : JournalEvent("alert.held", "monitor.held", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments =>
        [Check, new Phrase(Hold.Kind == AlertHoldKind.ParentDown ? "monitor.held.parent" : "monitor.held.window", [Hold.Name])];
}
