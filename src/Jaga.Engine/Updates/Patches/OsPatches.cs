using System.Globalization;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Updates.Patches;

/// <summary>The machine's OS updates through apt: what <c>apt-get -s upgrade</c> says is pending (and which of it comes
/// from a security archive), whether a restart is waiting, and installing only the security updates, each recorded in
/// the maintenance journal as dpkg shows it installed.</summary>
/// <param name="apt">The apt and dpkg to call.</param>
/// <param name="words">The language of reasons and refusals.</param>
/// <param name="clock">Measures the simulations' time limit.</param>
public sealed class OsPatches(AptTool apt, Catalog words, TimeProvider clock)
{
    /// <summary>The longest a simulation may take (reading the package lists of a large machine takes seconds).</summary>
    public static readonly TimeSpan SimulationLimit = TimeSpan.FromMinutes(5);

    /// <summary>How long the install waits for another apt or dpkg (unattended-upgrades) to let go of dpkg's lock.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>apt-get -s upgrade</c> and reads the restart flag.</summary>
    /// <exception cref="PatchToolException">apt-get failed or printed what cannot be read.</exception>
    public async Task<PatchCheck> CheckAsync(CancellationToken ct = default)
    {
        var simulation = await SimulateAsync(["-s", "upgrade"], ct);
        return new PatchCheck(simulation, ReadReboot());
    }

    /// <summary>The journal event of a check: its counts, WARN while a security update waits.</summary>
    public static PatchesChecked Summary(PatchCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var reboot = check.Reboot.Packages.Count > 0 ? string.Join(", ", check.Reboot.Packages) : "-";
        return new PatchesChecked(check.Pending.Count, check.Security.Count, check.Simulation.KeptBack.Count, check.Reboot.Required, reboot)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["pending"] = Number(check.Pending.Count),
                ["security"] = Number(check.Security.Count),
                ["security_packages"] = string.Join(" ", check.Security.Select(i => i.Name)),
                ["kept_back"] = string.Join(" ", check.Simulation.KeptBack),
                ["reboot_required"] = check.Reboot.Required ? "true" : "false",
            },
        };
    }

    /// <summary>Records a check: its line in the maintenance journal (<see cref="Summary"/>), then its pending security updates
    /// into the state store as this node's findings, seen at the line's time (the <c>updates</c> check reads them).</summary>
    public static async Task RecordAsync(MaintenanceJournal journal, PatchCheck check, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var line = await journal.RecordAsync(Summary(check), ct: ct);
        await journal.Store.Security.RecordAsync(PendingSecurity.FromPatches(check, journal.Node, line.Time), ct);
    }

    /// <summary>The dry run of installing the pending security updates (<c>apt-get -s install --only-upgrade
    /// PKG=VERSION…</c>), reviewed: what it would change, and why it must not go ahead if so.</summary>
    /// <exception cref="PatchToolException">apt-get failed (a candidate gone since the check, broken dependencies).</exception>
    public async Task<SecurityPatchReview> ReviewAsync(PatchCheck check, CancellationToken ct = default)
    {
        var targets = SecurityPatchReview.Targets(check);
        if (targets.Count == 0) return new SecurityPatchReview([], []);
        var dryRun = await SimulateAsync(["-s", "install", "--only-upgrade", "-y", .. targets], ct);
        return SecurityPatchReview.Of(dryRun);
    }

    /// <summary>Installs what an approved review would change, unattended (<c>DEBIAN_FRONTEND=noninteractive</c>,
    /// changed configuration files kept), then asks dpkg which packages are at their new version and records one
    /// <see cref="SecurityPatchApplied"/> for each, and one <see cref="SecurityPatchesFailed"/> for any that are not.</summary>
    /// <param name="review">An approved review from <see cref="ReviewAsync"/>.</param>
    /// <param name="journal">Where each applied package is recorded.</param>
    /// <param name="line">Given apt's output as it goes.</param>
    /// <param name="ct">Not honoured once apt has started: dpkg stopped midway leaves its database half done.</param>
    /// <exception cref="UserException">Not root.</exception>
    public async Task<PatchApplyResult> ApplyAsync(SecurityPatchReview review, MaintenanceJournal journal, Action<string>? line, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!apt.IsRoot) throw NotRoot(words);
        ArgumentNullException.ThrowIfNull(journal);
        if (!review.Approved) throw new InvalidOperationException("a refused review is never applied");
        if (review.Changes.Count == 0) return new PatchApplyResult([], [], null);
        ct.ThrowIfCancellationRequested();
        var env = new Dictionary<string, string>(apt.Environment, StringComparer.Ordinal)
        {
            ["DEBIAN_FRONTEND"] = "noninteractive",
            ["APT_LISTCHANGES_FRONTEND"] = "none",
        };
        // Pinned like the dry run, so what is installed is what was reviewed; the packages apt pulled in are named too.
        string[] command =
        [
            apt.AptGet, "-y", "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold",
            "-o", $"DPkg::Lock::Timeout={(int)LockWait.TotalSeconds}", "install", "--only-upgrade", .. review.Changes.Select(c => c.Pinned),
        ];
        var run = await AptRun.RunAsync(command, env, limit: null, line ?? (_ => { }), clock, CancellationToken.None);
        var installed = await InstalledAsync(review.Changes);
        var applied = review.Changes.Where(c => IsAt(installed, c)).ToList();
        var missing = review.Changes.Where(c => !IsAt(installed, c)).ToList();
        foreach (var c in applied)
        {
            await journal.RecordAsync(new SecurityPatchApplied(c.Name, c.Candidate, c.Origin?.Name ?? "-")
            {
                Data = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["package"] = c.Name,
                    ["architecture"] = c.Architecture,
                    ["from"] = c.Installed ?? "",
                    ["to"] = c.Candidate,
                    ["origin"] = c.Origin?.ToString() ?? "",
                },
            }, ct: CancellationToken.None);
        }
        var failure = run.Exit == 0 ? null : words.Format("reason.patches.apt.exit", "apt-get", run.Exit, run.LastError);
        if (failure is not null || missing.Count > 0)
        {
            var reason = failure ?? words["reason.patches.not.installed"];
            await journal.RecordAsync(new SecurityPatchesFailed(reason, missing.Count == 0 ? "-" : string.Join(", ", missing.Select(m => m.Name))),
                ct: CancellationToken.None);
        }
        return new PatchApplyResult(applied, missing, failure);
    }

    /// <summary>The refusal of an install by someone who is not root.</summary>
    public static UserException NotRoot(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new UserException(words.Format("cli.patches.not.root", System.Environment.UserName), words["cli.patches.not.root.hint"]);
    }

    /// <summary>The refusal on a machine without apt.</summary>
    public static UserException NoApt(Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new UserException(words["cli.patches.no.apt"], words["cli.patches.no.apt.hint"]);
    }

    private async Task<AptSimulation> SimulateAsync(string[] arguments, CancellationToken ct)
    {
        var run = await RunAsync([apt.AptGet, .. arguments], SimulationLimit, ct);
        if (run.Exit != 0) throw new PatchToolException(words.Format("reason.patches.apt.exit", "apt-get " + string.Join(' ', arguments.Take(2)), run.Exit, run.LastError));
        try
        {
            var simulation = AptSimulation.Parse(run.Output);
            return simulation.Summary is null
                ? throw new FormatException("no count line (\"N upgraded, N newly installed, …\")")
                : simulation;
        }
        catch (FormatException e)
        {
            throw new PatchToolException(words.Format("reason.patches.output", "apt-get", e.Message), e);
        }
    }

    private async Task<AptRun> RunAsync(string[] command, TimeSpan limit, CancellationToken ct)
    {
        try
        {
            return await AptRun.RunAsync(command, apt.Environment, limit, null, clock, ct);
        }
        catch (TimeoutException e)
        {
            throw new PatchToolException(words.Format("reason.patches.apt.timeout", command[0], Core.Plan.Values.DurationValue.Format(limit)), e);
        }
    }

    /// <summary>dpkg's installed version of each package (by name and architecture), whatever apt said it did.</summary>
    private async Task<Dictionary<(string, string), string>> InstalledAsync(IReadOnlyList<AptInstall> packages)
    {
        string[] command =
        [
            apt.DpkgQuery, .. apt.DpkgAdminDir is { } admin ? [$"--admindir={admin}"] : Array.Empty<string>(),
            "-W", "-f=${Package}\t${Architecture}\t${Version}\t${db:Status-Abbrev}\n", .. packages.Select(p => p.Name).Distinct(StringComparer.Ordinal),
        ];
        var run = await RunAsync(command, SimulationLimit, CancellationToken.None);
        // Exit 1 means some name is not installed at all: the rows of the others are still right.
        if (run.Exit is not (0 or 1)) throw new PatchToolException(words.Format("reason.patches.apt.exit", "dpkg-query", run.Exit, run.LastError));
        var rows = new Dictionary<(string, string), string>();
        foreach (var row in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')))
            if (row.Length == 4 && row[3].StartsWith("ii", StringComparison.Ordinal)) rows[(row[0], row[1])] = row[2];
        return rows;
    }

    private static bool IsAt(Dictionary<(string, string), string> installed, AptInstall c) =>
        installed.TryGetValue((c.Package, c.Architecture), out var version) && version == c.Candidate;

    private RebootRequirement ReadReboot()
    {
        if (!File.Exists(apt.RebootFlag)) return RebootRequirement.None;
        string? packages = null;
        try
        {
            packages = File.Exists(apt.RebootPackages) ? File.ReadAllText(apt.RebootPackages) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The flag alone is the requirement; the list only says who asked.
        }
        return RebootRequirement.Read(true, packages);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
