using System.CommandLine;
using Jaga.Core.Ports;
using Jaga.Engine.Heartbeats;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga ping NAME [--start|--fail|--exit N]</c>: a heartbeat ping from a shell, the same as the daemon's
/// <c>/ping/{token}</c> URLs, written straight to the state store (no daemon needed).</summary>
internal static class PingCommand
{
    public static Command Create(CommandBuilder b)
    {
        var ping = b.Command("ping", "Send a heartbeat ping for a heartbeat check: success by default, or --start, --fail, --exit N.",
            "backup-reports.sh; jaga ping nightly-report --exit $?");
        var name = new Argument<string>("NAME") { Description = "The heartbeat check's name" };
        var start = new Option<bool>("--start") { Description = "The job started (a start without a finish inside the grace is down)" };
        var fail = new Option<bool>("--fail") { Description = "The job failed" };
        var exit = new Option<int?>("--exit") { Description = "The job's exit code: 0 is success, anything else a failure" };
        ping.Arguments.Add(name);
        ping.Options.Add(start);
        ping.Options.Add(fail);
        ping.Options.Add(exit);
        b.Action(ping, async (parse, ctx, ct) =>
        {
            var given = new[] { parse.GetValue(start), parse.GetValue(fail), parse.GetValue(exit) is not null }.Count(x => x);
            if (given > 1) throw new UserError("give at most one of --start, --fail and --exit N");
            if (parse.GetValue(exit) is { } code && code is < 0 or > 255) throw new UserError($"--exit {code}: an exit code is 0 to 255");
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var check = PingRecorder.ByName(plan.Plan, parse.GetValue(name)!) ?? throw new UserError(NotFound(plan.Plan, parse.GetValue(name)!));
            var (kind, exitCode) = parse.GetValue(start) ? (PingKind.Start, (int?)null)
                : parse.GetValue(fail) ? (PingKind.Fail, null)
                : parse.GetValue(exit) is { } e ? (PingKind.Exit, e)
                : (PingKind.Success, null);
            var entry = await PingRecorder.RecordAsync(journal, check, kind, exitCode, "cli " + CliContext.Actor, ctx.Clock, ct);
            ctx.Output.Line(entry.Line);
            return ExitCodes.Ok;
        });
        return ping;
    }

    private static string NotFound(Core.Plan.MaintenancePlan plan, string name)
    {
        var names = plan.Monitoring.Checks.OfType<Core.Plan.HeartbeatCheck>().Select(c => c.Name).ToList();
        return names.Count == 0
            ? $"'{name}' is not a heartbeat check: the plan has none; add one under monitoring.checks with 'heartbeat: {{ every: 1d }}'"
            : $"'{name}' is not a heartbeat check in the plan; heartbeat checks: {string.Join(", ", names)}";
    }
}
