using System.CommandLine;
using Jaga.Core.Redaction;

namespace Jaga.Cli;

/// <summary>Wires a command's action to a <see cref="CliContext"/> and turns user errors into exit code 2 with one clear message.</summary>
internal sealed class CommandBuilder(GlobalOptions options, Output output, TimeProvider clock)
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
            var planPath = parse.GetValue(options.Plan) ?? Environment.GetEnvironmentVariable("JAGA_PLAN") ?? "jaga.yaml";
            var context = new CliContext(planPath, parse.GetValue(options.Json), parse.GetValue(options.Lang), clock, output);
            try
            {
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
                ReportPlanErrors(context, invalid.Errors);
                return ExitCodes.BadInput;
            }
            catch (UserError e)
            {
                output.Error($"jaga: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException
                or System.Security.Cryptography.CryptographicException or Jaga.Engine.Audit.AuditKeyException)
            {
                // Files that cannot be read or written, keys and values in the wrong format: the user's to fix.
                output.Error($"jaga: {Redactor.None.Redact(e.Message)}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is Jaga.Engine.Backup.BackupKeyException or Jaga.Core.Crypto.AgeException)
            {
                // A missing or wrong key: the user's to give.
                output.Error($"jaga: {Redactor.None.Redact(e.Message)}");
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is Jaga.Core.Ports.DestinationException or Jaga.Core.Ports.BackupSourceException)
            {
                output.Error($"jaga: {Redactor.None.Redact(e.Message)}");
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is Jaga.Core.Errors.StoreUnavailableException or System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                output.Error($"jaga: the state store failed: {Redactor.None.Redact(e.Message)}");
                return ExitCodes.Failed;
            }
        });
    }

    public static void ReportPlanErrors(CliContext context, IReadOnlyList<Core.Plan.PlanError> errors)
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
                    ["message"] = e.Message,
                    ["hint"] = e.Hint,
                });
            context.Output.Write(new System.Text.Json.Nodes.JsonObject { ["valid"] = false, ["errors"] = array });
            return;
        }
        foreach (var e in errors) context.Output.Error(e.ToString());
        context.Output.Error(context.Messages().Format("plan.invalid", errors.Count > 0 ? errors[0].File : context.PlanPath, errors.Count));
    }
}
