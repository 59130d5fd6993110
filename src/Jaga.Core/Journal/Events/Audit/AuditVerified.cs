using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>The audit chain was verified intact.</summary>
/// <param name="Entries">How many entries.</param>
/// <param name="HeadSeq">The newest entry's number.</param>
/// <param name="HeadHash">Its hash, shortened, or "-".</param>
public sealed record AuditVerified(long Entries, long HeadSeq, string HeadHash) : JournalEvent(AuditKind, "audit.verified", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "audit.verify";

    public override IReadOnlyList<object?> Arguments => [Entries, HeadSeq, HeadHash];
}
