using Jaga.Core.Plan;

namespace Jaga.Core.Updates.Advisories;

/// <summary>Where a plan's local advisory database lives: beside the state store when that is a SQLite file
/// (<c>.jaga/state.db</c> → <c>.jaga/advisories.db</c>), else in <c>.jaga/</c> beside the plan. It is downloaded data of
/// this machine, never the shared state store: a PostgreSQL state does not hold it.</summary>
public static class AdvisoryDatabasePath
{
    public const string FileName = "advisories.db";

    public static string For(LoadedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.BesideState(FileName);
    }
}
