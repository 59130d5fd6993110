using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="ICheckHistory"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedCheckHistory(ICheckHistory inner, StoreGuard guard) : ICheckHistory
{
    public Task RecordAsync(IReadOnlyList<CheckResult> results, CancellationToken ct = default) => guard.Run(() => inner.RecordAsync(results, ct));

    public Task<IReadOnlyList<CheckResult>> RecentAsync(string check, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.RecentAsync(check, limit, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<CheckResult>>> RecentManyAsync(
        IReadOnlyList<string> checks, DateTimeOffset since, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.RecentManyAsync(checks, since, limit, ct));

    public Task<CheckUptime> UptimeAsync(string check, DateTimeOffset now, CancellationToken ct = default) =>
        guard.Run(() => inner.UptimeAsync(check, now, ct));

    public Task<IReadOnlyDictionary<string, CheckUptime>> UptimeManyAsync(IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct = default) =>
        guard.Run(() => inner.UptimeManyAsync(checks, now, ct));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<DayUptime>>> DailyUptimeAsync(
        IReadOnlyList<string> checks, DateTimeOffset now, TimeZoneInfo zone, int days, CancellationToken ct = default) =>
        guard.Run(() => inner.DailyUptimeAsync(checks, now, zone, days, ct));

    public Task SaveStatesAsync(IReadOnlyList<CheckState> states, CancellationToken ct = default) => guard.Run(() => inner.SaveStatesAsync(states, ct));

    public Task<CheckState?> StateAsync(string check, CancellationToken ct = default) => guard.Run(() => inner.StateAsync(check, ct));

    public Task<IReadOnlyList<CheckState>> StatesAsync(CancellationToken ct = default) => guard.Run(() => inner.StatesAsync(ct));

    public Task<HistoryCompaction> CompactAsync(HistoryRetention retention, DateTimeOffset now, CancellationToken ct = default) =>
        guard.Run(() => inner.CompactAsync(retention, now, ct));

    public Task<HistorySize> SizeAsync(CancellationToken ct = default) => guard.Run(() => inner.SizeAsync(ct));
}
