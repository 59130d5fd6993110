namespace Jaga.Core.Plan;

/// <summary>A DNS query (<c>dns: {server, name, type}</c>): [CONNECTED] when the server answered, [DNS_RCODE] its
/// response code, [BODY] the last answer record of the type asked.</summary>
public sealed record DnsCheck(
    string Name, DnsQuery Dns, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "dns";

    public override string Target => $"{Dns.Name} {Dns.Type} @{Dns.Server}";
}
