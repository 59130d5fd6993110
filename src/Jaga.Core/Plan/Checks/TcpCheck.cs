namespace Jaga.Core.Plan;

/// <summary>A TCP connection (<c>tcp: host:port</c>): [CONNECTED].</summary>
public sealed record TcpCheck(
    string Name, string Tcp, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "tcp";

    public override string Target => Tcp;
}
