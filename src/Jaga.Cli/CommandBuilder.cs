using System.CommandLine;
using Jaga.Core.Errors;
using Jaga.Core.Ports;

namespace Jaga.Cli;

/// <summary>Wires a command's action to a <see cref="CliContext"/> and maps how it ended to an exit code: a user error
/// (<see cref="UserException"/>) to 2 with one clear message, a job that failed or a state store that is down to 1, and
/// anything else, a bug, to 70 with its stack trace (<see cref="BugReport"/>).</summary>
internal sealed class CommandBuilder(GlobalOptions options, Output output, TimeProvider clock, TimeProvider realTime)
{
    public Command Command(string name, string description, string example)
    {
        return new Command(name, $"{description}\n\nExample:\n  {example}");
    }

    public void Action(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            // System.CommandLine 2.0.0 starts the action and only then listens for SIGTERM and Ctrl+C: an action that ran
            // synchronously for long (a backup to a fast local disk does) could not be cancelled, and the signal's default
            // ended the process on the spot, like kill -9. Returning at once lets it listen before any work starts.
            await Task.Yield();
            var given = parse.GetValue(options.Plan);
            var planPath = given ?? Environment.GetEnvironmentVariable("JAGA_PLAN") ?? "jaga.yaml";
            var context = new CliContext(planPath, parse.GetValue(options.Json), parse.GetValue(options.Lang), clock, output) { RealTime = realTime };
            try
            {
                if (string.IsNullOrWhiteSpace(planPath))
                {
                    // Said as the option (or variable) the user gave, not as a plan error at an empty file's line 1.
                    var t = context.Messages();
                    throw new UserError(t.Format("cli.plan.empty", given is null ? "JAGA_PLAN" : "--plan"), t["cli.plan.empty.hint"]);
                }
                if (EmptyOption(parse) is { } empty) throw new UserError(context.Messages().Format("cli.option.empty", empty, CommandPath(parse)));
                return await action(parse, context, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // SIGTERM or Ctrl+C: the command has recorded what it stopped (a backup run is marked interrupted).
                output.Error("jaga: stopped by a signal before the command finished");
                return ExitCodes.Failed;
            }
            catch (PlanInvalid invalid)
            {
                ReportPlanErrors(context, invalid.Errors, invalid.Words);
                return ExitCodes.BadInput;
            }
            catch (UserException e)
            {
                // A flag, a file, the plan, a key: the user's to fix; the message says what, the hint how.
                output.Error($"jaga: {context.Redact(e.Message)}");
                if (e.Hint is { Length: > 0 } hint) output.Error($"hint: {context.Redact(hint)}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is DestinationException or BackupSourceException)
            {
                // A job's own failure (a destination or a source that failed): recorded where it happened.
                output.Error($"jaga: {context.Redact(e.Message)}");
                return ExitCodes.Failed;
            }
            catch (Exception e) when (IsStoreUnavailable(e))
            {
                output.Error($"jaga: the state store failed: {context.Redact(e.Message)}");
                return ExitCodes.Failed;
            }
            catch (Exception e)
            {
                return await new BugReport(context, output).ReportAsync(CommandPath(parse), e);
            }
        });
    }

    /// <summary>The state store cannot be reached or failed for now: exit 1, never a bug. Both stores translate their
    /// provider's transient failures into <see cref="StoreUnavailableException"/> at their boundary (Core/Storage/StoreGuard.cs),
    /// so this is the one type to name.</summary>
    internal static bool IsStoreUnavailable(Exception e) => e is StoreUnavailableException;

    /// <summary>The first option given an empty value (<c>--out ""</c>): no option of Jaga means anything by one, and a
    /// path option would otherwise fail deep inside with .NET's "The value cannot be an empty string".</summary>
    private static string? EmptyOption(ParseResult parse)
    {
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var o in r.Children.OfType<System.CommandLine.Parsing.OptionResult>())
                if (o.Option.ValueType != typeof(bool) && o.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value))) return o.Option.Name;
        }
        return null;
    }

    /// <summary>The command as typed, without the program's name: <c>backup run</c>.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent) names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    public static void ReportPlanErrors(CliContext context, IReadOnlyList<Core.Plan.PlanError> errors, Core.Messages.Catalog words)
    {
        if (context.JsonOutput)
        {
            var array = new System.Text.Json.Nodes.JsonArray();
            foreach (var e in errors)
                array.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["file"] = e.File,
                    ["line"] = e.At.Line,
                    ["column"] = e.At.Column,
                    ["message"] = e.MessageIn(words),
                    ["hint"] = e.HintIn(words),
                });
            context.Output.Write(new System.Text.Json.Nodes.JsonObject { ["valid"] = false, ["errors"] = array });
            return;
        }
        foreach (var e in errors) context.Output.Error(e.Render(words));
        context.Output.Error(words.Format("plan.invalid", errors.Count > 0 ? errors[0].File : context.PlanPath, errors.Count));
    }
}
