using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>Updates were tried together and taken back, every file restored byte for byte, because the tests (or the lock
/// file refresh before them) failed with them.</summary>
/// <param name="Updates">The updates tried, as <c>NAME==VERSION</c>, comma-separated.</param>
/// <param name="Reason">What failed and how (<c>the tests failed: exit code 1, accepted: 0</c>), masked.</param>
/// <param name="Tail">The last lines of the failing command's output (at most 2 KiB), masked.</param>
public sealed record UpdateRolledBack(string Updates, string Reason, string Tail) : JournalEvent(AuditKind, "update.rolled.back", Severity.Warn)
{
    /// <summary>The audit kind of rolled-back updates, which the dashboard's updates page looks for in the log.</summary>
    public const string AuditKind = "update.rollback";

    public override IReadOnlyList<object?> Arguments => [Updates, Reason, Tail];
}
