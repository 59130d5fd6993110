namespace Jaga.Core.Plan;

/// <summary>An ICMP echo (<c>icmp: host</c>): [CONNECTED] when the host answered, [RESPONSE_TIME] the round trip.</summary>
public sealed record IcmpCheck(
    string Name, string Icmp, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "icmp";

    public override string Target => Icmp;
}
