// TEMPORARY placeholder until the real store lands from the stores branch.
using Jaga.Core.Ports;

namespace Jaga.Postgres;

public static class PostgresStateStore
{
    public static Task<IStateStore> OpenAsync(string url, TimeProvider clock, CancellationToken ct) => throw new NotSupportedException(url + clock + ct);
}
