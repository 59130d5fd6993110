namespace Jaga.Testing.Docs;

/// <summary>How a doc's line ended: its exit code, everything it printed (stdout and stderr as they came), and stdout alone.</summary>
public sealed record ShellResult(int ExitCode, string Output, string Stdout)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
