using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>Applying security updates did not finish: apt failed, or dpkg does not show every update installed.</summary>
/// <param name="Reason">What failed (apt's exit code and its last error line).</param>
/// <param name="NotApplied">The packages not at their new version, comma-separated.</param>
public sealed record SecurityPatchesFailed(string Reason, string NotApplied) : JournalEvent("patches.apply", "patches.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Reason, NotApplied];
}
