using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>Rotating, compressing or deleting a log file failed.</summary>
/// <param name="File">The file.</param>
/// <param name="Error">Why.</param>
public sealed record LogActionFailed(string File, string Error) : JournalEvent("logs.failed", "logs.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [File, Error];
}
