namespace Jaga.Engine.Emergency.Steps;

/// <summary>A <c>run</c> step as the runner needs it: either a shell line (<see cref="Command"/>, through
/// <c>/bin/sh -c</c>) or a program with its arguments (no shell), with everything already interpolated.</summary>
public sealed record ProcessSpec
{
    /// <summary>A shell line run by <c>/bin/sh -c</c>; exclusive with <see cref="Program"/>.</summary>
    public string? Command { get; init; }

    /// <summary>A program (a path, or a name looked up on PATH) run without a shell; exclusive with <see cref="Command"/>.</summary>
    public string? Program { get; init; }

    /// <summary>The arguments of <see cref="Program"/>, each passed as one word.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Variables added to (or replacing in) Jaga's own environment.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where it runs; the caller passes the plan's folder when the step names none. Null: Jaga's current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long it may run before its process group is stopped.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The exit codes that count as success.</summary>
    public IReadOnlyList<int> AcceptedExitCodes { get; init; } = [0];

    public static ProcessSpec Shell(string command) => new() { Command = command };

    public static ProcessSpec Exec(string program, params string[] args) => new() { Program = program, Args = args };

    internal void Validate()
    {
        if ((Command is null) == (Program is null))
            throw new ArgumentException("a run step needs either a shell command or a program, not both", nameof(Command));
        if (AcceptedExitCodes.Count == 0) throw new ArgumentException("a run step accepts at least one exit code", nameof(AcceptedExitCodes));
    }
}
