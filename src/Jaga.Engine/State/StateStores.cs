using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Sqlite;

namespace Jaga.Engine.State;

/// <summary>Opens the state store the plan names: a SQLite file (default) or PostgreSQL.</summary>
public static class StateStores
{
    public static async Task<IStateStore> OpenAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct = default)
    {
        if (plan.StateIsPostgres) return await PostgresStateStore.OpenAsync(plan.Plan.State, clock, ct);
        var path = plan.Plan.State.StartsWith("sqlite:", StringComparison.Ordinal) ? plan.Plan.State["sqlite:".Length..] : plan.Plan.State;
        return await SqliteStateStore.OpenAsync(plan.Resolve(path), clock, ct);
    }
}
