using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Engine.Monitoring;

namespace Jaga.Cli.Commands.Monitor;

/// <summary><c>jaga monitor status</c>: each check's alerting state and since when, its uptime over 24 h / 7 d / 30 d, its
/// p95 response time over 24 h and its latest reason, from the state store (works beside a running daemon, on any node).
/// Exit 1 when a check is down.</summary>
internal static class MonitorStatusCommand
{
    public static Command Create(CommandBuilder b)
    {
        var status = b.Command("status", "Show each check: state and since when, uptime over 24 h / 7 d / 30 d, p95 response time, latest reason; exit 1 if any is down.",
            "jaga monitor status --json");
        var only = new Argument<string?>("CHECK") { Description = "One check's name (default: every check and the host)", Arity = ArgumentArity.ZeroOrOne };
        status.Arguments.Add(only);
        b.Action(status, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var monitoring = plan.Plan.Monitoring;
            var names = monitoring.Checks.Select(c => (Name: c.Name, Kind: c.Kind)).ToList();
            var one = parse.GetValue(only);
            if (one is not null && names.All(n => n.Name != one))
                throw new UserError($"no check named '{one}' in the plan", names.Count == 0 ? "the plan has no checks" : $"known checks: {string.Join(", ", names.Select(n => n.Name))}");
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var states = (await store.Checks.StatesAsync(ct)).ToDictionary(s => s.Check, StringComparer.Ordinal);
            // Each node watches its own machine: one row per host seen (this one at least).
            if (monitoring.Host is not null && one is null)
                foreach (var host in states.Keys.Where(k => k.StartsWith(HostWatch.CheckName + ":", StringComparison.Ordinal)).Append(HostWatch.Local).Distinct().Order(StringComparer.Ordinal))
                    names.Add((host, "host"));
            var now = ctx.Clock.GetUtcNow();
            var rows = new List<(string Name, string Kind, CheckState? State, CheckUptime Uptime, string? Reason)>();
            foreach (var (name, kind) in names.Where(n => one is null || n.Name == one))
            {
                var state = states.GetValueOrDefault(name);
                // The latest result says what is known now (the state keeps the reason of its last change).
                var reason = (await store.Checks.RecentAsync(name, 1, ct)) is [var last, ..] ? last.Reason : state?.Reason is { Length: > 0 } r ? r : null;
                rows.Add((name, kind, state, await store.Checks.UptimeAsync(name, now, ct), reason));
            }
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var down = rows.Count(r => r.State?.Status == CheckStatus.Down);

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["checks"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
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
                    ["down"] = down,
                });
                return down == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }
            var words = ctx.Messages(plan);
            if (rows.Count == 0)
            {
                ctx.Output.Line(words["cli.checks.none"]);
                return ExitCodes.Ok;
            }
            ctx.Output.Table(words.Columns("cli.checks.columns"), rows.Select(r => new[]
            {
                r.Name, r.Kind, words.Word("check", r.State?.Status ?? CheckStatus.Unknown), r.State is { } s ? Local(s.Since) : "-",
                Percent(r.Uptime.Day), Percent(r.Uptime.Week), Percent(r.Uptime.Month),
                // "~": estimated from hourly histograms, not read from raw results (docs/monitoring.md, "Estimated p95").
                r.Uptime.P95Day is { } p ? (r.Uptime.P95Estimated ? "~" : "") + MonitorCheckCommand.Millis(p) : "-", r.Reason ?? words["cli.checks.never"],
            }));
            ctx.Output.Line();
            ctx.Output.Line(down == 0 ? words["cli.checks.ok"] : words.Format("cli.checks.down", down));
            return down == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return status;
    }

    private static string Percent(double? share) => share is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.##}%") : "-";
}
