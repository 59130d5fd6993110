namespace Jaga.Cli.Commands.Backup;

/// <summary>Asks a yes/no question on the terminal. Without a terminal nothing is asked and the answer is no: scripts say --yes.</summary>
internal static class Confirm
{
    public static bool CanAsk(CliContext ctx) => ctx.Output.Terminal && !Console.IsInputRedirected;

    public static bool Ask(CliContext ctx, string question)
    {
        if (!CanAsk(ctx)) return false;
        ctx.Output.Out.Write($"{question} [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || answer.Equals("ya", StringComparison.OrdinalIgnoreCase));
    }
}
