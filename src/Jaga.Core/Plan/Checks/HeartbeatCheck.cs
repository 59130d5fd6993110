namespace Jaga.Core.Plan;

/// <summary>A pushed heartbeat (<c>heartbeat:</c>): down when no success arrives within every + grace.</summary>
public sealed record HeartbeatCheck(
    string Name, Heartbeat Heartbeat, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "heartbeat";

    public override string Target => "/ping/" + Name;
}
