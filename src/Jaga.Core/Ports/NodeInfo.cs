namespace Jaga.Core.Ports;

/// <summary>A <c>jaga run</c> process. <paramref name="Id"/> is <c>host:pid:random</c>; <paramref name="StoppedAt"/> is set on a clean shutdown.</summary>
public sealed record NodeInfo(string Id, string Host, int Pid, string Version, DateTimeOffset StartedAt, DateTimeOffset LastSeen, string PlanSha256, DateTimeOffset? StoppedAt);
