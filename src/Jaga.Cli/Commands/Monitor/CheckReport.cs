using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Monitoring;

namespace Jaga.Cli.Commands.Monitor;

/// <summary>What <c>jaga monitor status</c> reports, read from the state store: each check (and each host watched) with its
/// state and since when, its uptime and p95, its latest reason. The command prints it; the dashboard's <c>/api/checks</c>
/// answers the same <see cref="Json"/>.</summary>
internal sealed record CheckReport(IReadOnlyList<CheckReport.Row> Rows)
{
    public sealed record Row(string Name, string Kind, CheckState? State, CheckUptime Uptime, string? Reason);

    public int Down => Rows.Count(r => r.State?.Status == CheckStatus.Down);

    /// <summary>Every check of the plan and every host seen, or only <paramref name="one"/>.</summary>
    public static async Task<CheckReport> LoadAsync(LoadedPlan plan, IStateStore store, string? one, DateTimeOffset now, CancellationToken ct)
    {
        var monitoring = plan.Plan.Monitoring;
        var names = monitoring.Checks.Select(c => (Name: c.Name, Kind: c.Kind)).ToList();
        var states = (await store.Checks.StatesAsync(ct)).ToDictionary(s => s.Check, StringComparer.Ordinal);
        // Each node watches its own machine: one row per host seen (this one at least).
        if (monitoring.Host is not null && one is null)
            foreach (var host in states.Keys.Where(k => k.StartsWith(HostWatch.CheckName + ":", StringComparison.Ordinal)).Append(HostWatch.Local).Distinct().Order(StringComparer.Ordinal))
                names.Add((host, "host"));
        var rows = new List<Row>();
        foreach (var (name, kind) in names.Where(n => one is null || n.Name == one))
        {
            var state = states.GetValueOrDefault(name);
            // The latest result says what is known now (the state keeps the reason of its last change).
            var reason = (await store.Checks.RecentAsync(name, 1, ct)) is [var last, ..] ? last.Reason : state?.Reason is { Length: > 0 } r ? r : null;
            rows.Add(new Row(name, kind, state, await store.Checks.UptimeAsync(name, now, ct), reason));
        }
        return new CheckReport(rows);
    }

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
