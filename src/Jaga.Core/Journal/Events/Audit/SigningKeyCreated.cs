using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Audit;

/// <summary>The audit signing key was created.</summary>
/// <param name="PublicKey">Where its public half was written.</param>
/// <param name="KeyId">Its id.</param>
public sealed record SigningKeyCreated(string PublicKey, string KeyId) : JournalEvent("audit.key", "audit.key.created", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [PublicKey, KeyId];
}
