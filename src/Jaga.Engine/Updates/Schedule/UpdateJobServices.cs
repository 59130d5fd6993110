using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Patches;

namespace Jaga.Engine.Updates.Schedule;

/// <summary>What the update pillar's scheduled jobs need, wired once by the composition root. Each run makes its own
/// HTTP client for the registries: a run can outlive the plan that started it by hours (its tests), after a reload has
/// disposed that plan's services.</summary>
/// <param name="Plan">The plan whose <c>update:</c> they carry out.</param>
/// <param name="Journal">Where the audit, every applied update, every rollback and a failed run are recorded.</param>
/// <param name="Runs">The job ledger: the security watch reads when the update jobs last ran.</param>
/// <param name="Adapters">The registry adapter of each ecosystem.</param>
/// <param name="OpenAdvisories">Opens this machine's advisory database (disposed after each run).</param>
/// <param name="Environment">The environment lookup the registries' configuration reads (HOME, PIP_INDEX_URL, tokens).</param>
/// <param name="Clock">The plan's clock: today, ages of the advisory data.</param>
/// <param name="RealTime">The clock of the test command's and apt's time limits.</param>
public sealed record UpdateJobServices(
    LoadedPlan Plan,
    MaintenanceJournal Journal,
    IJobRuns Runs,
    AdapterSet Adapters,
    Func<CancellationToken, Task<IAdvisoryStore>> OpenAdvisories,
    Func<string, string?> Environment,
    TimeProvider Clock,
    TimeProvider RealTime)
{
    /// <summary>The machine's apt, for <c>update.os_packages</c>; null where there is none.</summary>
    public Func<AptTool?> Apt { get; init; } = AptTool.Local;
}
