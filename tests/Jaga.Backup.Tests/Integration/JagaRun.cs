namespace Jaga.Backup.Tests.Integration;

/// <summary>What one in-process <c>jaga</c> invocation returned and printed.</summary>
public sealed record JagaRun(int Code, string Out, string Err)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
