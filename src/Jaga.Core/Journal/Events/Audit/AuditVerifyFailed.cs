using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>The audit chain failed its verification.</summary>
/// <param name="Problem">The first problem found.</param>
public sealed record AuditVerifyFailed(string Problem) : JournalEvent(AuditKind, "audit.verify.failed", Severity.Error)
{
    /// <summary>The audit kind of this event, which <see cref="AuditVerified"/> shares.</summary>
    public const string AuditKind = AuditVerified.AuditKind;

    public override IReadOnlyList<object?> Arguments => [Problem];
}
