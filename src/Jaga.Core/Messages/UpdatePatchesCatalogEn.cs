namespace Jaga.Core.Messages;

/// <summary>The texts of OS patches (<c>Jaga.Engine.Updates.Patches</c>, <c>jaga patches</c>): the maintenance-log lines of
/// a check and of applied security updates, the reasons an apply is refused, and what the terminal shows.</summary>
internal static class UpdatePatchesCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["patches.checked"] = "OS patches: {0} update(s) pending, {1} of them security, {2} kept back; {3}",
        ["patches.reboot.yes"] = "reboot required (packages: {0})",
        ["patches.reboot.no"] = "no reboot required",
        ["patches.applied"] = "Security patch applied: {0} {1} ({2})",
        ["patches.failed"] = "Security patches FAILED: {0}; not applied: {1}",
        ["reason.patches.removes"] = "the install would remove {0}",
        ["reason.patches.not.security"] = "the install would also change packages that are no security update: {0}",
        ["reason.patches.apt.exit"] = "{0} exited {1}: {2}",
        ["reason.patches.apt.timeout"] = "{0} did not finish within {1}",
        ["reason.patches.not.installed"] = "dpkg does not show them at the new version",
        ["reason.patches.output"] = "{0} printed what this version of Jaga cannot read: {1}",
        ["cli.patches.no.apt"] = "this system has no apt-get: jaga patches reads the pending updates of Debian, Ubuntu and their derivatives",
        ["cli.patches.no.apt.hint"] = "use the system's own tool (dnf check-update, zypper list-patches) and record a patch with jaga log add --level WARN \"…\"",
        ["cli.patches.not.root"] = "--apply installs packages and needs root; this runs as {0}",
        ["cli.patches.not.root.hint"] = "run it as root: sudo jaga patches --apply --security-only",
        ["cli.patches.apply.all"] = "--apply installs security updates only: add --security-only",
        ["cli.patches.apply.all.hint"] = "a full upgrade (apt-get upgrade) is for someone watching; jaga patches lists what it would change",
        ["cli.patches.yes"] = "--apply installs packages and there is no terminal to confirm on: add --yes",
        ["cli.patches.declined"] = "nothing applied: not confirmed",
        ["cli.patches.ask"] = "Install these {0} package(s) now?",
        ["cli.patches.columns"] = "package|installed|candidate|origin|security",
        ["cli.patches.security.yes"] = "yes",
        ["cli.patches.security.no"] = "no",
        ["cli.patches.footer"] = "{0} update(s) pending, {1} of them security, {2} kept back",
        ["cli.patches.kept"] = "kept back: {0}",
        ["cli.patches.reboot"] = "reboot required (packages: {0})",
        ["cli.patches.none"] = "nothing pending: every package is at its newest version",
        ["cli.patches.none.security"] = "no security update pending: nothing to apply",
        ["cli.patches.dryrun"] = "apt-get would install these:",
        ["cli.patches.refused"] = "not applied: {0}",
        ["cli.patches.refused.hint"] = "look at apt-get -s install --only-upgrade … and upgrade these by hand",
        ["cli.patches.applied"] = "applied {0} security update(s)",
        ["cli.patches.failed"] = "{0} of {1} package(s) not applied: {2}",
        ["cli.patches.apt.failed"] = "apt failed: {0}",
    };
}
