using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary><c>jaga patches</c> looked at the machine's pending OS updates: WARN while a security update waits.</summary>
/// <param name="Pending">Installed packages with a newer version waiting.</param>
/// <param name="Security">Those whose newer version comes from a security archive.</param>
/// <param name="KeptBack">Packages apt keeps back (held, or needing new packages).</param>
/// <param name="Reboot">The machine waits for a restart (<c>/var/run/reboot-required</c>).</param>
/// <param name="RebootPackages">The packages that asked for the restart, comma-separated ("-" when none said).</param>
public sealed record PatchesChecked(int Pending, int Security, int KeptBack, bool Reboot, string RebootPackages)
    : JournalEvent("patches.check", "patches.checked", Security > 0 ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments =>
        [Pending, Security, KeptBack, Reboot ? new Phrase("patches.reboot.yes", [RebootPackages]) : new Phrase("patches.reboot.no")];
}
