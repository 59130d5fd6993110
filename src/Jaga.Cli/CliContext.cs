using Jaga.Cli.Composition;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;

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

    /// <summary>The language of an invalid plan's errors: --lang, else the plan's <c>language:</c> as written when it
    /// reads as one Jaga speaks, else English.</summary>
    public Catalog Messages(PlanLoadResult invalid) => Catalog.For(lang ?? invalid.Language);

    /// <summary>The plan as last loaded by <see cref="LoadPlan"/>; null until one loaded.</summary>
    public LoadedPlan? Loaded { get; private set; }

    /// <summary>Loads the plan or throws <see cref="PlanInvalid"/> with every error.</summary>
    public LoadedPlan LoadPlan()
    {
        var result = PlanFile.Load(PlanPath);
        if (!result.Ok) throw new PlanInvalid(result.Errors, Messages(result));
        return Loaded = result.Plan!;
    }

    /// <summary>Hides secrets in text about to be shown: the plan's own, once it is loaded, and passwords in URLs always.</summary>
    public string Redact(string text) => (Loaded?.Redactor ?? Core.Redaction.Redactor.None).Redact(text);

    public async Task<(LoadedPlan Plan, IStateStore Store, MaintenanceJournal Journal)> OpenAsync(string? by = null, CancellationToken ct = default)
    {
        var plan = LoadPlan();
        var store = await OpenStoreAsync(plan, ct);
        return (plan, store, new MaintenanceJournal(store, plan, Clock, by ?? Actor) { Waits = RealTime, Messages = Messages(plan) });
    }

    /// <summary>Opens the state store the plan names. A store that is down is left to the caller (exit 1); a place the
    /// plan names that cannot be used (a folder that cannot be made or written, a URL the driver refuses) is a user error.</summary>
    public async Task<IStateStore> OpenStoreAsync(LoadedPlan plan, CancellationToken ct = default)
    {
        try
        {
            return await CompositionRoot.OpenStoreAsync(plan, Clock, ct);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or DirectoryNotFoundException || (e is FormatException && plan.StateIsPostgres))
        {
            throw new UserError($"cannot open the state store {plan.Redactor.Redact(plan.Plan.State)}: {e.Message}",
                "check that the folder of 'state:' exists and can be written, or that its postgres:// URL is right", e);
        }
    }
}
