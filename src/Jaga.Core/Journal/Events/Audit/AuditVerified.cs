using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>The audit chain was verified intact.</summary>
/// <param name="Entries">How many entries.</param>
/// <param name="HeadSeq">The newest entry's number.</param>
/// <param name="HeadHash">Its hash, shortened, or "-".</param>
public sealed record AuditVerified(long Entries, long HeadSeq, string HeadHash) : JournalEvent("audit.verify", "audit.verified", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Entries, HeadSeq, HeadHash];
}
