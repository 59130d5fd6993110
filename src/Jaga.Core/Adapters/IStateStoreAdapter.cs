using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Adapters;

/// <summary>One kind of state store (SQLite, PostgreSQL), chosen by the plan's <c>state:</c>.</summary>
public interface IStateStoreAdapter
{
    /// <summary>Whether this adapter serves the plan's <c>state:</c> value.</summary>
    bool Serves(string state);

    Task<IStateStore> OpenAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct);
}
