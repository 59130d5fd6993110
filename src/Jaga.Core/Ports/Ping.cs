namespace Jaga.Core.Ports;

/// <summary>A heartbeat ping (healthchecks.io conventions): success, start, fail, or an exit code (0 is success).</summary>
/// <param name="Check"></param>
/// <param name="Kind"></param>
/// <param name="ExitCode"></param>
/// <param name="At"></param>
/// <param name="Via">Where it came from: <c>http</c> with the remote address, or <c>cli</c>.</param>
public sealed record Ping(string Check, PingKind Kind, int? ExitCode, DateTimeOffset At, string Via)
{
    /// <summary>How many pings a store keeps per check, newest first: enough to judge the state (the last finish and a
    /// start after it), and a bound on what a flood of pings can make it hold.</summary>
    public const int KeptPerCheck = 100;
}
