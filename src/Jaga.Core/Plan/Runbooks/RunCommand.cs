namespace Jaga.Core.Plan;

/// <summary>What a <c>run</c> step runs. Without <paramref name="Args"/> the command is a shell command line
/// (<c>/bin/sh -c</c>); with them it is the program, started directly with those arguments (no shell, no quoting).</summary>
/// <param name="Command">The command line, or the program when <paramref name="Args"/> are given.</param>
/// <param name="Args">The program's arguments, each passed as it is.</param>
/// <param name="Env">Variables added to the command's environment.</param>
/// <param name="Dir">The working folder; the plan's folder when null.</param>
/// <param name="Timeout">How long the command may run (or the step's timeout).</param>
/// <param name="ExitCodes">Exit codes that count as success; 0 alone when empty.</param>
public sealed record RunCommand(
    string Command, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Env, string? Dir, TimeSpan? Timeout, IReadOnlyList<int> ExitCodes)
{
    /// <summary>Whether the command is a shell command line.</summary>
    public bool Shell => Args.Count == 0;

    /// <summary>The exit codes that count as success.</summary>
    public IReadOnlyList<int> Accepted => ExitCodes.Count == 0 ? [0] : ExitCodes;
}
