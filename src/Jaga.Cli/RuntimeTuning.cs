namespace Jaga.Cli;

/// <summary>Runtime settings that suit one command and not the others, made before the command uses the thread pool.</summary>
internal static class RuntimeTuning
{
    /// <summary>The thread pool's setting for how long an idle worker spins before it sleeps.</summary>
    internal const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>The global options that take a value, so the value is not taken for the command's name.</summary>
    private static readonly string[] Valued = ["--plan", "-p", "--lang"];

    /// <summary>The command's name: the first argument that is neither an option nor an option's value.</summary>
    internal static string? Command(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (Valued.Contains(args[i], StringComparer.Ordinal)) i++;
            else if (!args[i].StartsWith('-')) return args[i];
        }
        return null;
    }

    /// <summary>Whether the command line starts the daemon: <c>jaga run</c>, not the one-shot <c>jaga run --once</c>.</summary>
    internal static bool Daemon(IReadOnlyList<string> args) => Command(args) == "run" && !args.Contains("--once", StringComparer.Ordinal);

    /// <summary>For the daemon: idle thread-pool workers sleep at once instead of spinning first. Its work comes in small
    /// bursts (a check, a ping), and the spinning was a quarter of its CPU under 1,000 checks; one-shot commands that
    /// stream (an import, a backup, <c>run --once</c> from cron) keep the default, which hands work over sooner.</summary>
    internal static void Apply(IReadOnlyList<string> args)
    {
        if (Daemon(args)) AppContext.SetData(SpinLimit, "0");
    }
}
