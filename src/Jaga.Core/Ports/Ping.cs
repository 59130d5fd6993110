namespace Jaga.Core.Ports;

/// <summary>A heartbeat ping (healthchecks.io conventions): success, start, fail, or an exit code (0 is success).</summary>
/// <param name="Check"></param>
/// <param name="Kind"></param>
/// <param name="ExitCode"></param>
/// <param name="At"></param>
/// <param name="Via">Where it came from: <c>http</c> with the remote address, or <c>cli</c>.</param>
public sealed record Ping(string Check, PingKind Kind, int? ExitCode, DateTimeOffset At, string Via);
