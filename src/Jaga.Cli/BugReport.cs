using Jaga.Core.Ledger;

namespace Jaga.Cli;

/// <summary>What the command line does with an exception nobody meant to throw: a bug. It says so, prints the whole
/// exception with its stack trace on stderr (secrets hidden), records an ERROR line in the maintenance log when a plan was
/// loaded, and exits 70, so a bug never passes for a mistake of the user's (2) or a failed job (1).</summary>
internal sealed class BugReport(CliContext context, Output output)
{
    public async Task<int> ReportAsync(string command, Exception bug)
    {
        output.Error($"jaga: internal error in 'jaga {command}': a bug in Jaga, not a mistake of yours; please report it with what follows");
        output.Error(context.Redact(bug.ToString()));
        await RecordAsync(command, bug);
        return ExitCodes.Bug;
    }

    /// <summary>One ERROR line, so the maintenance log shows the command that did not finish. Best effort: the store or
    /// the log may be what failed, and the exit code and the trace above are what matter then.</summary>
    private async Task RecordAsync(string command, Exception bug)
    {
        if (context.Loaded is null) return;
        try
        {
            var (_, store, journal) = await context.OpenAsync();
            await using (store)
            {
                await journal.RecordTextAsync(Severity.Error, "cli.bug", $"jaga {command} stopped by a bug: {bug.GetType().Name}: {bug.Message}",
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["command"] = command, ["exception"] = bug.GetType().FullName ?? bug.GetType().Name });
            }
        }
        catch (Exception e)
        {
            output.Error($"jaga: the bug could not be recorded in the maintenance log: {context.Redact(e.Message)}");
        }
    }
}
