using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Logs;

/// <summary>A rotated log file was deleted.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">Why it was no longer kept.</param>
public sealed record LogDeleted(string File, string Reason) : JournalEvent(AuditKind, "logs.deleted", Severity.Info)
{
    /// <summary>The audit kind of its entries, which <c>audit verify</c> looks for to know a rotated part was pruned.</summary>
    public const string AuditKind = "logs.delete";

    public override IReadOnlyList<object?> Arguments => [File, Reason];
}
