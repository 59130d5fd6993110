using Jaga.Core.Plan.Values;

namespace Jaga.Core.Plan;

/// <summary>A pushed heartbeat (<c>heartbeat:</c>): down when no success arrives within every + grace.</summary>
public sealed record HeartbeatCheck(
    string Name, Heartbeat Heartbeat, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "heartbeat";

    public override string Target => "/ping/" + Name;

    /// <summary>The token of its ping URL when the daemon listens on <paramref name="listen"/>: its <c>token</c>, else its
    /// name, but the name only on a loopback address: a name is guessable, so on an address other machines reach a check
    /// without a token cannot be pinged over HTTP at all (validate warns). Null then.</summary>
    public string? PingToken(string listen) => Heartbeat.Token ?? (ListenAddress.IsLoopback(listen) ? Name : null);
}
