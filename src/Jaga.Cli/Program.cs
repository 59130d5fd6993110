using System.CommandLine;
using Jaga.Cli.Commands;

namespace Jaga.Cli;

public static class Program
{
    /// <summary>How long a command may take to stop cleanly after SIGTERM or Ctrl+C before the process exits anyway.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    // The one place that reads the system clock (BannedSymbols.txt bans TimeProvider.System everywhere else): every other
    // part is given its clock, so a test can give a fake one.
#pragma warning disable RS0030
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await Run(args, Output.ForConsole(args.Contains("--json")), TimeProvider.System, realTime: TimeProvider.System);
        }
        catch (Exception e)
        {
            // Outside any command (each maps its own): still a bug, with its trace, and the bug's exit code.
            await Console.Error.WriteLineAsync($"jaga: internal error: a bug in Jaga; please report it with what follows\n{Core.Redaction.Redactor.None.Redact(e.ToString())}");
            return ExitCodes.Bug;
        }
    }

    /// <summary>Runs the command line with a given output and clock (tests use this in-process).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where it writes.</param>
    /// <param name="clock">The plan's time: schedules, timestamps, retention, alert retries.</param>
    /// <param name="extra">A command built like the others, so a test can make a command fail in a way no real one does on purpose.</param>
    /// <param name="realTime">Pauses that wait for the world rather than the plan (another process's lock, the kernel's CPU
    /// counters, a server coming back); real time unless given, even under a fake <paramref name="clock"/>.</param>
    internal static Task<int> Run(string[] args, Output output, TimeProvider clock, Func<CommandBuilder, Command>? extra = null, TimeProvider? realTime = null) =>
        RunAsync(args, output, clock, realTime ?? TimeProvider.System, extra);
#pragma warning restore RS0030

    private static async Task<int> RunAsync(string[] args, Output output, TimeProvider clock, TimeProvider realTime, Func<CommandBuilder, Command>? extra)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Jaga — the maintenance plan, as code, that runs itself.\n\nOne file (jaga.yaml) is the plan; jaga carries it out: backups, monitoring, updates, emergency runbooks, migration, and a maintenance log nobody can quietly rewrite.");
        options.AddTo(root);
        CommandBuilder Build() => new(options, output, clock, realTime);
        root.Subcommands.Add(InitCommand.Create(Build()));
        root.Subcommands.Add(ValidateCommand.Create(Build()));
        root.Subcommands.Add(PlanCommand.Create(Build()));
        root.Subcommands.Add(LogCommand.Create(Build()));
        root.Subcommands.Add(LogsCommand.Create(Build()));
        root.Subcommands.Add(AuditCommand.Create(Build()));
        var run = RunCommand.Create(Build());
        root.Subcommands.Add(run);
        root.Subcommands.Add(StatusCommand.Create(Build()));
        root.Subcommands.Add(Commands.Monitor.MonitorCommand.Create(Build()));
        root.Subcommands.Add(PingCommand.Create(Build()));
        root.Subcommands.Add(Commands.Backup.BackupCommand.Create(Build()));
        if (extra is not null) root.Subcommands.Add(extra(Build()));

        // Bare `jaga` shows the help, as git does, and exits 2 (no command given).
        root.SetAction(parse =>
        {
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return ExitCodes.BadInput;
        });
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) output.Error($"jaga: {e.Message}");
            output.Error("Run 'jaga --help' (or 'jaga COMMAND --help') for usage.");
            return ExitCodes.BadInput;
        }
        // A configuration given explicitly has no termination timeout unless set, and without one System.CommandLine does
        // not turn SIGTERM and Ctrl+C into cancellation: the process just ended, mid-backup, as under kill -9. With it, the
        // command is cancelled and has this long to record what it stopped and remove its temporary files.
        // The daemon (`run` without --once) leaves SIGTERM to its host, which stops it with its own, longer timeout.
        // (`jaga run` itself, not `jaga backup run`.)
        var daemon = parse.CommandResult.Command == run && !args.Contains("--once");
        var invocation = new InvocationConfiguration
        {
            Output = output.Out,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = daemon ? null : TerminationGrace,
        };
        return await parse.InvokeAsync(invocation);
    }
}
