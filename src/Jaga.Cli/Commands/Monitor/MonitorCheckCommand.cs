using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Monitoring;
using Jaga.Core.Text;
using Jaga.Engine.Monitoring;
using Jaga.Cli.Composition;

namespace Jaga.Cli.Commands.Monitor;

/// <summary><c>jaga monitor check [NAME…]</c>: runs checks once, now, and prints each verdict with its reason. Exit 1 when
/// any is down. A diagnostic run: results go into the history, one maintenance-log line records the run, but alerting
/// state is left to <c>jaga run</c> (so a manual run never sends or repeats an alert, and never races the daemon).</summary>
internal static class MonitorCheckCommand
{
    private const int Parallel = 16;

    public static Command Create(CommandBuilder b)
    {
        var check = b.Command("check", "Run checks now (all, or the ones named; 'host' is the host monitor) and show each result with its reason; exit 1 if any is down.",
            "jaga monitor check api");
        var names = new Argument<string[]>("name") { Description = "Checks to run; all when none is named", Arity = ArgumentArity.ZeroOrMore };
        check.Arguments.Add(names);
        b.Action(check, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var monitoring = plan.Plan.Monitoring;
            var known = monitoring.Checks.Select(c => c.Name).Concat(monitoring.Host is null ? [] : [HostWatch.CheckName]).ToList();
            var wanted = parse.GetValue(names) ?? [];
            foreach (var name in wanted.Where(n => !known.Contains(n)))
            {
                var near = Similarity.Nearest(name, known);
                throw new UserError(known.Count == 0 ? $"unknown check '{name}': the plan has no checks (monitoring.checks)"
                    : $"unknown check '{name}'{(near is null ? "" : $"; did you mean '{near}'?")} (known: {string.Join(", ", known)})");
            }
            if (known.Count == 0) throw new UserError("the plan has no checks: add monitoring.checks or monitoring.host");

            await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Probe);
            var runtime = services.Monitoring!;
            var checks = monitoring.Checks.Where(c => wanted.Length == 0 || wanted.Contains(c.Name)).ToList();
            var results = new CheckResult[checks.Count];
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, checks.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
                async (i, c) => results[i] = await runtime.ProbeAsync(checks[i], c));
            var all = results.Select((r, i) => (Kind: checks[i].Kind, Result: r)).ToList();
            if (monitoring.Host is { } host && (wanted.Length == 0 || wanted.Contains(HostWatch.CheckName)))
                all.Add(("host", (await runtime.ProbeHostAsync(host, ct)) with { Check = HostWatch.Local }));
            foreach (var (_, r) in all) runtime.Results.Add(r);
            await runtime.Results.FlushAsync(ct);

            var down = all.Where(a => a.Result.Outcome == CheckOutcome.Down).ToList();
            var warning = all.Count(a => a.Result.Outcome == CheckOutcome.Warning);
            var failures = string.Concat(down.Select(d => $"; {d.Result.Check}: {d.Result.Reason}"));
            await journal.RecordAsync(new ChecksRunByHand(all.Count - down.Count - warning, warning, down.Count, failures)
            {
                Data = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["checks"] = string.Join(",", all.Select(a => a.Result.Check)),
                    ["down"] = string.Join(",", down.Select(d => d.Result.Check)),
                },
            }, by: CliContext.Actor, ct: ct);

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["checks"] = new JsonArray([.. all.Select(a => (JsonNode)new JsonObject
                    {
                        ["name"] = a.Result.Check,
                        ["kind"] = a.Kind,
                        ["outcome"] = Word(a.Result.Outcome),
                        ["response_ms"] = Math.Round(a.Result.Duration.TotalMilliseconds, 1),
                        ["at"] = a.Result.At.ToString("O", CultureInfo.InvariantCulture),
                        ["reason"] = a.Result.Reason,
                    })]),
                    ["down"] = down.Count,
                });
            }
            else
            {
                var words = ctx.Messages(plan);
                ctx.Output.Table(words.Columns("cli.probe.columns"), all.Select(a => new[]
                {
                    a.Result.Check, a.Kind, words.Word("outcome", a.Result.Outcome), Millis(a.Result.Duration), a.Result.Reason,
                }));
            }
            return down.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return check;
    }

    internal static string Word(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Up => "up",
        CheckOutcome.Warning => "warning",
        _ => "down",
    };

    internal static string Millis(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms");
}
