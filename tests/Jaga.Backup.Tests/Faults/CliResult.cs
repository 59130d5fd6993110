namespace Jaga.Backup.Tests.Faults;

/// <summary>What one <c>jaga</c> command printed, and its exit code.</summary>
public sealed record CliResult(int Code, string Out, string Err)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
