using System.CommandLine;
using System.Globalization;
using Jaga.Core.Monitoring;

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
            var names = plan.Plan.Monitoring.Checks.Select(c => c.Name).ToList();
            var one = parse.GetValue(only);
            if (one is not null && !names.Contains(one))
                throw new UserError($"no check named '{one}' in the plan", names.Count == 0 ? "the plan has no checks" : $"known checks: {string.Join(", ", names)}");
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var report = await CheckReport.LoadAsync(plan, store, one, ctx.Clock.GetUtcNow(), ct);
            var rows = report.Rows;
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var down = report.Down;

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(report.Json());
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
