using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>One security update installed by <c>jaga patches --apply --security-only</c>, seen installed by dpkg
/// afterwards (the seed's "Patch keamanan diterapkan …" line, one per package).</summary>
/// <param name="Package">The package as apt names it.</param>
/// <param name="Version">The version now installed.</param>
/// <param name="Origin">The security release it came from (<c>Debian-Security</c>).</param>
public sealed record SecurityPatchApplied(string Package, string Version, string Origin) : JournalEvent(AuditKind, "patches.applied", Severity.Warn)
{
    /// <summary>The audit kind of applied security patches, which the dashboard's updates page looks for in the log.</summary>
    public const string AuditKind = "patches.apply";

    public override IReadOnlyList<object?> Arguments => [Package, Version, Origin];
}
