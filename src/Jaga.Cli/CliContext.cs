using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.State;

namespace Jaga.Cli;

/// <summary>What every command needs: the parsed global options, the plan, the clock, the output.</summary>
internal sealed class CliContext(string planPath, bool json, string? lang, TimeProvider clock, Output output)
{
    public string PlanPath { get; } = planPath;

    public bool JsonOutput { get; } = json;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The clock of pauses that wait for the world rather than the plan (a lock held by another process, the
    /// kernel's counters, a server coming back): real time, even when a test fakes <see cref="Clock"/>.</summary>
    public required TimeProvider RealTime { get; init; }

    public Output Output { get; } = output;

    public static string Actor => $"{Environment.UserName}@{Environment.MachineName}";

    /// <summary>The language of CLI messages: --lang, else the plan's, else English.</summary>
    public Catalog Messages(LoadedPlan? plan = null) => Catalog.For(lang ?? plan?.Plan.Language);

    /// <summary>Loads the plan or throws <see cref="PlanInvalid"/> with every error.</summary>
    public LoadedPlan LoadPlan()
    {
        var result = PlanFile.Load(PlanPath);
        if (!result.Ok) throw new PlanInvalid(result.Errors);
        return result.Plan!;
    }

    public async Task<(LoadedPlan Plan, IStateStore Store, MaintenanceJournal Journal)> OpenAsync(string? by = null, CancellationToken ct = default)
    {
        var plan = LoadPlan();
        var store = await StateStores.OpenAsync(plan, Clock, ct);
        return (plan, store, new MaintenanceJournal(store, plan, Clock, by ?? Actor) { Waits = RealTime });
    }
}

/// <summary>The plan has errors: every one of them is printed, exit code 2.</summary>
internal sealed class PlanInvalid(IReadOnlyList<PlanError> errors) : Exception($"{errors.Count} problem(s) in the plan")
{
    public IReadOnlyList<PlanError> Errors { get; } = errors;
}
