using System.CommandLine;
using Jaga.Cli.Commands;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Engine.Files;
using Jaga.Engine.Planning;

namespace Jaga.Cli;

public static class Program
{
    /// <summary>How long a command may take to stop cleanly after SIGTERM or Ctrl+C before the process exits anyway.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    /// <summary>The most of a plan read only to learn the language of a usage error.</summary>
    private const int UsagePlanLimit = 4 << 20;

    // The one place that reads the system clock (BannedSymbols.txt bans TimeProvider.System everywhere else): every other
    // part is given its clock, so a test can give a fake one.
#pragma warning disable RS0030
    public static async Task<int> Main(string[] args)
    {
        RuntimeTuning.Apply(args);
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
        var (root, run) = Tree(options, () => new(options, output, clock, realTime), extra);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var t = UsageCatalog(parse, options);
            foreach (var line in UsageErrors.Describe(parse, t)) output.Error($"jaga: {line}");
            output.Error(t["cli.usage.help"]);
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

    /// <summary>Every command, under the root that holds the global options: the tree a test walks to try every command and
    /// option. Returns the daemon's command too, the one that must never be started without <c>--once</c> in a test.</summary>
    internal static (RootCommand Root, Command Run) Tree(GlobalOptions options, Func<CommandBuilder> build, Func<CommandBuilder, Command>? extra = null)
    {
        var root = new RootCommand("Jaga — the maintenance plan, as code, that runs itself.\n\nOne file (jaga.yaml) is the plan; jaga carries it out: backups, monitoring, updates, emergency runbooks, migration, and a maintenance log nobody can quietly rewrite.");
        options.AddTo(root);
        root.Subcommands.Add(InitCommand.Create(build()));
        root.Subcommands.Add(ValidateCommand.Create(build()));
        root.Subcommands.Add(PlanCommand.Create(build()));
        root.Subcommands.Add(LogCommand.Create(build()));
        root.Subcommands.Add(LogsCommand.Create(build()));
        root.Subcommands.Add(AuditCommand.Create(build()));
        var run = RunCommand.Create(build());
        root.Subcommands.Add(run);
        root.Subcommands.Add(StatusCommand.Create(build()));
        root.Subcommands.Add(Commands.Monitor.MonitorCommand.Create(build()));
        root.Subcommands.Add(PingCommand.Create(build()));
        root.Subcommands.Add(Commands.Backup.BackupCommand.Create(build()));
        root.Subcommands.Add(Commands.Emergency.RunbookCommand.Create(build()));
        root.Subcommands.Add(Commands.Emergency.DrillCommand.Create(build()));
        root.Subcommands.Add(Commands.Emergency.IncidentCommand.Create(build()));
        root.Subcommands.Add(Commands.Updates.DepsCommand.Create(build()));
        root.Subcommands.Add(Commands.Updates.PatchesCommand.Create(build()));
        root.Subcommands.Add(Commands.Migration.MigrateCommand.Create(build()));
        root.Subcommands.Add(Commands.Env.EnvCommand.Create(build()));
        root.Subcommands.Add(Commands.Readiness.ChangesCommand.Create(build()));
        root.Subcommands.Add(Commands.Readiness.ChecklistCommand.Create(build()));
        root.Subcommands.Add(Commands.Secrets.SecretsCommand.Create(build()));
        root.Subcommands.Add(Commands.Dashboard.UserCommand.Create(build()));
        root.Subcommands.Add(Commands.Dashboard.TokenCommand.Create(build()));
        if (extra is not null) root.Subcommands.Add(extra(build()));

        // Bare `jaga` shows the help, as git does, and exits 2 (no command given).
        root.SetAction(parse =>
        {
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return ExitCodes.BadInput;
        });
        return (root, run);
    }

    /// <summary>The language of a usage error: --lang when it is valid, else the plan's when it loads, else English.</summary>
    private static Catalog UsageCatalog(ParseResult parse, GlobalOptions options)
    {
        if (Last(parse.GetResult(options.Lang)) is ("en" or "id") and var lang) return Catalog.For(lang);
        var path = Last(parse.GetResult(options.Plan)) ?? Environment.GetEnvironmentVariable("JAGA_PLAN") ?? "jaga.yaml";
        if (string.IsNullOrWhiteSpace(path)) return Catalog.English;
        try
        {
            // Bounded: a usage error must not wait on a FIFO or read /dev/zero given as the plan.
            var text = InputFile.ReadText(path, UsagePlanLimit, "plan");
            return text is null ? Catalog.English : Catalog.For(PlanFile.LoadText(text, path).Plan?.Plan.Language);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UserException)
        {
            return Catalog.English;
        }
    }

    private static string? Last(System.CommandLine.Parsing.OptionResult? option) =>
        option is { Tokens: { Count: > 0 } tokens } ? tokens[^1].Value : null;
}
