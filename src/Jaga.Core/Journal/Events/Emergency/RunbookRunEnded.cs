using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A runbook run ended: succeeded, failed at a step, or interrupted (it can be resumed).</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Status">How it ended (<c>runbook.status.*</c> in the reader's language).</param>
/// <param name="Detail">Why, masked.</param>
/// <param name="Took">How long it took, formatted.</param>
public sealed record RunbookRunEnded(string Runbook, string Run, RunbookRunStatus Status, string Detail, string Took)
    : JournalEvent(AuditKind, "runbook.ended", Status switch
    {
        RunbookRunStatus.Succeeded => Severity.Info,
        RunbookRunStatus.Interrupted or RunbookRunStatus.Cancelled => Severity.Warn,
        _ => Severity.Error,
    })
{
    /// <summary>The audit kind of this event, which <see cref="RunbookRunStarted"/> shares.</summary>
    public const string AuditKind = RunbookRunStarted.AuditKind;

    public override IReadOnlyList<object?> Arguments => [Runbook, Run, new Phrase("runbook.status." + Storage.StoredWord.Text(Status)), Took, Detail];
}
