using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A rotated log file was deleted.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">Why it was no longer kept.</param>
public sealed record LogDeleted(string File, string Reason) : JournalEvent("logs.delete", "logs.deleted", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File, Reason];
}
