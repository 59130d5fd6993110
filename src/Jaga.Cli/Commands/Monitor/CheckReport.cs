using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Dashboard.Monitoring;
using Jaga.Engine.Monitoring;

namespace Jaga.Cli.Commands.Monitor;

/// <summary>What <c>jaga monitor status</c> reports, read from the state store: each check (and each host watched) with its
/// state and since when, its uptime and p95, its latest reason. The command prints it; the dashboard's <c>/api/checks</c>
/// answers the same <see cref="Json"/>.</summary>
internal sealed record CheckReport(IReadOnlyList<CheckReport.Row> Rows)
{
    /// <summary>Days of uptime bars on the Monitoring page.</summary>
    public const int PageDays = 90;

    /// <summary>Most results of one check the Monitoring page reads for its response-time chart (from the last 24 h).</summary>
    public const int ChartResults = 240;

    public sealed record Row(string Name, string Kind, CheckState? State, CheckUptime Uptime, string? Reason)
    {
        /// <summary>Uptime per local day, oldest first (the Monitoring page's report only).</summary>
        public IReadOnlyList<DayUptime> Days { get; init; } = [];

        /// <summary>The newest results of the last 24 h, newest first (the Monitoring page's report only).</summary>
        public IReadOnlyList<CheckResult> Recent { get; init; } = [];
    }

    public int Down => Rows.Count(r => r.State?.Status == CheckStatus.Down);

    /// <summary>Every check of the plan and every host seen, or only <paramref name="one"/>.</summary>
    public static async Task<CheckReport> LoadAsync(LoadedPlan plan, IStateStore store, string? one, DateTimeOffset now, CancellationToken ct)
    {
        var states = await StatesAsync(store, ct);
        var rows = new List<Row>();
        foreach (var (name, kind) in Names(plan, states, one))
        {
            var state = states.GetValueOrDefault(name);
            var last = (await store.Checks.RecentAsync(name, 1, ct)) is [var newest, ..] ? newest : null;
            rows.Add(new Row(name, kind, state, await store.Checks.UptimeAsync(name, now, ct), Reason(last, state)));
        }
        return new CheckReport(rows);
    }

    /// <summary>The same rows for a slice of the checks, with their <see cref="PageDays"/> days of uptime in the plan's zone
    /// and their recent results, in four reads of the store whatever the number of checks (the Monitoring page and the status
    /// page): the checks down first, then those not checked yet, then those up (<see cref="CheckCounts.Rank"/>), each in the
    /// order of <see cref="LoadAsync"/>; page <paramref name="page"/> of <paramref name="size"/> checks (the last when it
    /// asks beyond it) is the slice, and only its checks' history is read. The uptime figures come from the aggregates (<see cref="ICheckHistory.UptimeManyAsync"/>),
    /// the latest reason from the results of the last 24 h (or the state's when there are none).</summary>
    public static async Task<(CheckReport Slice, CheckCounts Counts, PageOf Page)> LoadPageAsync(
        LoadedPlan plan, IStateStore store, DateTimeOffset now, int page, int size, CancellationToken ct)
    {
        var states = await StatesAsync(store, ct);
        CheckStatus Status(string name) => states.GetValueOrDefault(name)?.Status ?? CheckStatus.Unknown;
        var all = Names(plan, states, null);
        var counts = CheckCounts.Of(all.Select(n => Status(n.Name)));
        var slice = PageOf.For(page, all.Count, size);
        var names = all.OrderBy(n => CheckCounts.Rank(Status(n.Name))).Skip(slice.Skip(size)).Take(size).ToList();
        var list = names.Select(n => n.Name).ToList();
        var uptime = await store.Checks.UptimeManyAsync(list, now, ct);
        var days = await store.Checks.DailyUptimeAsync(list, now, plan.Plan.Timezone, PageDays, ct);
        var recent = await store.Checks.RecentManyAsync(list, now - TimeSpan.FromDays(1), ChartResults, ct);
        return (new CheckReport([.. names.Select(n =>
        {
            var state = states.GetValueOrDefault(n.Name);
            var results = recent.GetValueOrDefault(n.Name) ?? [];
            return new Row(n.Name, n.Kind, state, uptime.GetValueOrDefault(n.Name) ?? CheckUptime.None, Reason(results.Count > 0 ? results[0] : null, state))
            {
                Days = days.GetValueOrDefault(n.Name) ?? [],
                Recent = results,
            };
        })]), counts, slice);
    }

    private static async Task<Dictionary<string, CheckState>> StatesAsync(IStateStore store, CancellationToken ct) =>
        (await store.Checks.StatesAsync(ct)).ToDictionary(s => s.Check, StringComparer.Ordinal);

    /// <summary>The checks of the plan, then (for every check) one row per host seen: each node watches its own machine.</summary>
    private static List<(string Name, string Kind)> Names(LoadedPlan plan, Dictionary<string, CheckState> states, string? one)
    {
        var monitoring = plan.Plan.Monitoring;
        var names = monitoring.Checks.Select(c => (c.Name, c.Kind)).Where(n => one is null || n.Name == one).ToList();
        if (monitoring.Host is not null && one is null)
            foreach (var host in states.Keys.Where(k => k.StartsWith(HostWatch.CheckName + ":", StringComparison.Ordinal)).Append(HostWatch.Local).Distinct().Order(StringComparer.Ordinal))
                names.Add((host, "host"));
        return names;
    }

    /// <summary>The latest result says what is known now (the state keeps the reason of its last change).</summary>
    private static string? Reason(CheckResult? last, CheckState? state) =>
        last is not null ? last.Reason : state?.Reason is { Length: > 0 } r ? r : null;

    /// <summary>What <c>jaga monitor status --json</c> prints and <c>/api/checks</c> answers.</summary>
    public JsonObject Json() => new()
    {
        ["checks"] = new JsonArray([.. Rows.Select(r => (JsonNode)new JsonObject
        {
            ["name"] = r.Name,
            ["kind"] = r.Kind,
            ["state"] = CheckMonitor.Word(r.State?.Status ?? CheckStatus.Unknown),
            ["since"] = r.State?.Since.ToString("O", CultureInfo.InvariantCulture),
            ["uptime_24h"] = r.Uptime.Day,
            ["uptime_7d"] = r.Uptime.Week,
            ["uptime_30d"] = r.Uptime.Month,
            ["p95_ms"] = r.Uptime.P95Day is { } p ? Math.Round(p.TotalMilliseconds, 1) : null,
            ["p95_estimated"] = r.Uptime.P95Day is null ? null : r.Uptime.P95Estimated,
            ["results_24h"] = r.Uptime.ResultsDay,
            ["reason"] = r.Reason,
        })]),
        ["down"] = Down,
    };
}
