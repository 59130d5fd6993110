using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>A dependency update was applied and the tests passed with it: the seed's line
/// <c>Update dependency: numpy==1.26.0</c>. The version it came from, its manifest and its group go in the entry's data.</summary>
/// <param name="Update">The dependency at its new version, as <c>NAME==VERSION</c>.</param>
public sealed record UpdateApplied(string Update) : JournalEvent(AuditKind, "update.dependency", Severity.Info)
{
    /// <summary>The audit kind of applied updates, which the dashboard's updates page looks for in the log.</summary>
    public const string AuditKind = "update.apply";

    public override IReadOnlyList<object?> Arguments => [Update];
}
