using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Postgres;

/// <summary>The shared state store of several nodes: <c>state: postgres://…</c>.</summary>
internal sealed class PostgresStoreAdapter : IStateStoreAdapter
{
    public bool Serves(string state) =>
        state.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || state.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public async Task<IStateStore> OpenAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct) =>
        await PostgresStateStore.OpenAsync(plan.Plan.State, clock, ct);
}
