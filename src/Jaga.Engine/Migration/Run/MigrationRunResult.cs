using Jaga.Core.Ledger;
using Jaga.Core.Migration.Run;

namespace Jaga.Engine.Migration.Run;

/// <summary>What a <c>jaga migrate run</c> ended with.</summary>
/// <param name="Receipt">The receipt.</param>
/// <param name="ReceiptPath">Where its Markdown file is; null when it could not be written (the folder is not writable).</param>
/// <param name="Seal">The signed checkpoint that seals it; null when the chain did not verify (never signed then).</param>
/// <param name="SealRefused">Why it was not sealed; null when it was.</param>
public sealed record MigrationRunResult(MigrationReceipt Receipt, string? ReceiptPath, Checkpoint? Seal, string? SealRefused)
{
    /// <summary>The run's last line in the maintenance log, as written (masked, in the plan's language).</summary>
    public string Line { get; init; } = "";
}
