using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Engine.Heartbeats;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga ping NAME [--start|--fail|--exit N]</c>: a heartbeat ping from a shell, the same as the daemon's
/// <c>/ping/{token}</c> URLs, written straight to the state store (no daemon needed). <c>--show-url</c> prints the URL
/// instead, token included: the one command that shows a token.</summary>
internal static class PingCommand
{
    public static Command Create(CommandBuilder b)
    {
        var ping = b.Command("ping", "Send a heartbeat ping for a heartbeat check: success by default, or --start, --fail, --exit N; --show-url prints its ping URL.",
            "backup-reports.sh; jaga ping nightly-report --exit $?");
        var name = new Argument<string>("NAME") { Description = "The heartbeat check's name" };
        var start = new Option<bool>("--start") { Description = "The job started (a start without a finish inside the grace is down)" };
        var fail = new Option<bool>("--fail") { Description = "The job failed" };
        var exit = new Option<int?>("--exit") { Description = "The job's exit code: 0 is success, anything else a failure" };
        var showUrl = new Option<bool>("--show-url") { Description = "Print the check's ping URL, secret token included, and send nothing" };
        ping.Arguments.Add(name);
        ping.Options.Add(start);
        ping.Options.Add(fail);
        ping.Options.Add(exit);
        ping.Options.Add(showUrl);
        b.Action(ping, async (parse, ctx, ct) =>
        {
            var given = new[] { parse.GetValue(start), parse.GetValue(fail), parse.GetValue(exit) is not null }.Count(x => x);
            if (given > 1) throw new UserError("give at most one of --start, --fail and --exit N");
            if (given > 0 && parse.GetValue(showUrl)) throw new UserError("--show-url prints the URL and sends nothing: give it without --start, --fail or --exit");
            if (parse.GetValue(exit) is { } code && code is < 0 or > 255) throw new UserError($"--exit {code}: an exit code is 0 to 255");
            if (parse.GetValue(showUrl)) return ShowUrl(ctx, parse.GetValue(name)!);
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var check = PingRecorder.ByName(plan.Plan, parse.GetValue(name)!) ?? throw new UserError(NotFound(plan.Plan, parse.GetValue(name)!));
            var (kind, exitCode) = parse.GetValue(start) ? (PingKind.Start, (int?)null)
                : parse.GetValue(fail) ? (PingKind.Fail, null)
                : parse.GetValue(exit) is { } e ? (PingKind.Exit, e)
                : (PingKind.Success, null);
            var outcome = await PingRecorder.RecordAsync(journal, check, kind, exitCode, "cli " + CliContext.Actor, ctx.Clock, ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["check"] = check.Name,
                    ["ping"] = outcome.Ping,
                    ["via"] = outcome.Via,
                    ["at"] = outcome.At.ToString("O", CultureInfo.InvariantCulture),
                    ["was"] = outcome.Was,
                    ["state"] = outcome.Now,
                    ["logged"] = outcome.Changed,
                });
            }
            else
            {
                ctx.Output.Line(outcome.Entry?.Line
                    ?? ctx.Messages(plan).Format("ping.unchanged", check.Name, outcome.Ping, outcome.Via, outcome.Now));
            }
            return ExitCodes.Ok;
        });
        return ping;
    }

    /// <summary>The check's ping URL: the plan's <c>listen</c> address (this machine's name when it binds every interface),
    /// <c>/ping/</c> and its token.</summary>
    private static int ShowUrl(CliContext ctx, string name)
    {
        var plan = ctx.LoadPlan().Plan;
        var check = PingRecorder.ByName(plan, name) ?? throw new UserError(NotFound(plan, name));
        var token = check.PingToken(plan.Listen) ?? throw new UserError(
            $"heartbeat check '{name}' has no token, and listen: {plan.Listen} is reachable from other machines, so it has no ping URL (pings by name are refused there)",
            $"add a random token to it, e.g. heartbeat: {{ ..., token: {PingTokens.New()} }}, or listen on 127.0.0.1");
        var host = ListenAddress.IsWildcard(plan.Listen) ? $"{System.Net.Dns.GetHostName()}:{ListenAddress.Port(plan.Listen)}" : plan.Listen;
        var url = $"http://{host}/ping/{Uri.EscapeDataString(token)}";
        if (ctx.JsonOutput)
        {
            // Written as text: this is the deliberate reveal, as is the line below.
            ctx.Output.Reveal(new JsonObject { ["check"] = check.Name, ["url"] = url }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Ok;
        }
        ctx.Output.Reveal(url);
        return ExitCodes.Ok;
    }

    private static string NotFound(MaintenancePlan plan, string name)
    {
        var names = plan.Monitoring.Checks.OfType<HeartbeatCheck>().Select(c => c.Name).ToList();
        return names.Count == 0
            ? $"'{name}' is not a heartbeat check: the plan has none; add one under monitoring.checks with 'heartbeat: {{ every: 1d }}'"
            : $"'{name}' is not a heartbeat check in the plan; heartbeat checks: {string.Join(", ", names)}";
    }
}
