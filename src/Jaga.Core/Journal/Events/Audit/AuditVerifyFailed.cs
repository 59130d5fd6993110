using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>The audit chain failed its verification.</summary>
/// <param name="Problem">The first problem found.</param>
public sealed record AuditVerifyFailed(string Problem) : JournalEvent("audit.verify", "audit.verify.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Problem];
}
