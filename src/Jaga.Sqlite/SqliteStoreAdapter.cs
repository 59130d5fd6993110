using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Sqlite;

/// <summary>The default state store: a SQLite file (<c>state: .jaga/state.db</c> or <c>sqlite:path</c>). Add it after the
/// stores that serve URLs: it takes every value they do not.</summary>
internal sealed class SqliteStoreAdapter : IStateStoreAdapter
{
    private const string Scheme = "sqlite:";

    public bool Serves(string state) => state.StartsWith(Scheme, StringComparison.Ordinal) || !state.Contains("://", StringComparison.Ordinal);

    public async Task<IStateStore> OpenAsync(LoadedPlan plan, TimeProvider clock, CancellationToken ct)
    {
        var state = plan.Plan.State;
        var path = state.StartsWith(Scheme, StringComparison.Ordinal) ? state[Scheme.Length..] : state;
        return await SqliteStateStore.OpenAsync(plan.Resolve(path), clock, ct);
    }
}
