using Jaga.Core.Redaction;

namespace Jaga.Core.Plan;

/// <summary>A valid plan with what was learnt loading it: where it lives, its secrets, its hash.</summary>
public sealed record LoadedPlan(MaintenancePlan Plan, Redactor Redactor, string File, string Directory, string Sha256)
{
    /// <summary>A variable as the plan sees it: the process environment first, then the plan's env files. For values
    /// the plan names by variable rather than holds, such as a backup passphrase (<c>passphrase_env</c>).</summary>
    public Func<string, string?> Variable { get; init; } = _ => null;

    /// <summary>A variable with whether it is a secret (from an env file, or a name such as <c>*_PASSWORD</c>): what a
    /// runbook step's <c>${VAR}</c> is filled in with when it runs (<see cref="Emergency.StepTemplate.Resolve(string, IReadOnlyDictionary{string, string}, IReadOnlyDictionary{string, Emergency.StepOutput}, Interpolation.VariableLookup, Func{string, string}?)"/>).</summary>
    public Interpolation.VariableLookup Lookup { get; init; } = _ => null;

    /// <summary>What is valid but unsafe in the plan (<see cref="PlanWarnings"/>): validate prints them, the daemon logs them.</summary>
    public IReadOnlyList<PlanError> Warnings { get; init; } = [];

    /// <summary>A path from the plan, relative to the plan's folder unless absolute.</summary>
    public string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, path));

    /// <summary>True when the state store is PostgreSQL rather than a SQLite file.</summary>
    public bool StateIsPostgres => Plan.State.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || Plan.State.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a file of this machine's own (never the shared state) is kept: beside the state store when that is a
    /// SQLite file (<c>.jaga/state.db</c> → <c>.jaga/NAME</c>), else in <c>.jaga/</c> beside the plan.</summary>
    public string BesideState(string fileName)
    {
        var state = Plan.State;
        if (StateIsPostgres || (state.Contains("://", StringComparison.Ordinal) && !state.StartsWith("sqlite:", StringComparison.Ordinal)))
            return Resolve(System.IO.Path.Combine(".jaga", fileName));
        var file = Resolve(state.StartsWith("sqlite:", StringComparison.Ordinal) ? state["sqlite:".Length..] : state);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file) ?? Directory, fileName);
    }
}
