using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>A checkpoint of the audit chain was signed.</summary>
/// <param name="Seq">The entry it vouches for.</param>
/// <param name="Head">That entry's hash, shortened.</param>
/// <param name="KeyId">The signing key's id.</param>
public sealed record CheckpointSigned(long Seq, string Head, string KeyId) : JournalEvent(AuditKind, "audit.checkpoint", Severity.Info)
{
    /// <summary>The audit kind of its entries, which <c>audit verify</c> looks for in the chain.</summary>
    public const string AuditKind = "audit.checkpoint";

    public override IReadOnlyList<object?> Arguments => [Seq, Head, KeyId];
}
