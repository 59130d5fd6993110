namespace Jaga.Cli;

/// <summary>What <c>jaga</c> exits with: 0 done, 1 a job or check failed (or the state store is down), 2 the user's
/// mistake (a flag, a file, the plan, a key), 70 a bug in Jaga (EX_SOFTWARE of sysexits.h), with its stack trace.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Bug = 70;
}
