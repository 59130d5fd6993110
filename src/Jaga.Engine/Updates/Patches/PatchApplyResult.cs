using Jaga.Core.Updates.Patches;

namespace Jaga.Engine.Updates.Patches;

/// <summary>How applying security updates ended, as dpkg shows it afterwards.</summary>
/// <param name="Applied">The packages now at their new version.</param>
/// <param name="NotApplied">The packages that are not.</param>
/// <param name="Failure">Why apt failed, in the reader's language; null when it exited 0.</param>
public sealed record PatchApplyResult(IReadOnlyList<AptInstall> Applied, IReadOnlyList<AptInstall> NotApplied, string? Failure)
{
    /// <summary>apt exited 0 and every package is at its new version.</summary>
    public bool Succeeded => Failure is null && NotApplied.Count == 0;
}
