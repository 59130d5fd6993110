using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>postgres</c>, <c>sqlite</c> or <c>mysql</c> check: log in (a fresh, unpooled connection), run
/// <c>query</c> (<c>SELECT 1</c> by default); [CONNECTED] when it ran, [RESULT] its first value. The database's adapter
/// does the talking; a SQLite file is opened read-only, so a check never creates or changes it.</summary>
internal sealed class DatabaseProbe(DatabaseCheck check, ProbeContext context) : ICheckProbe
{
    public const string DefaultQuery = "SELECT 1";

    public Task<CheckObservation> ObserveAsync(CancellationToken ct)
    {
        var sql = string.IsNullOrWhiteSpace(check.Query) ? DefaultQuery : check.Query;
        var adapter = context.Adapters.Database(check.Database);
        // A SQLite file is named relative to the plan's folder; URLs are taken as they are.
        var location = check is SqliteCheck sqlite ? context.Plan.Resolve(sqlite.Sqlite) : check.Target;
        var password = adapter.Password(location);
        return ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var result = await adapter.FirstValueAsync(location, sql, check.Timeout, token);
            return new CheckObservation(true, elapsed()) { Result = result };
        }, e => Hide(ProbeRun.Describe(e), password), ct);
    }

    /// <summary>Drivers' messages name the user, not the password; this makes sure of it.</summary>
    private static string Hide(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);
}
