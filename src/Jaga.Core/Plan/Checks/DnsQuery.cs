namespace Jaga.Core.Plan;

/// <summary>What a <c>dns</c> check asks.</summary>
/// <param name="Server">The DNS server, <c>host:port</c>.</param>
/// <param name="Name">The name queried (<c>example.com</c>; a trailing dot is optional).</param>
/// <param name="Type">The record type: one of <see cref="Types"/>.</param>
public sealed record DnsQuery(string Server, string Name, string Type)
{
    /// <summary>The record types a <c>dns</c> check asks for: Gatus's (A, AAAA, CNAME, MX, NS) and PTR, SRV, TXT, CAA, SOA.</summary>
    public static readonly IReadOnlyList<string> Types = ["A", "AAAA", "CNAME", "MX", "NS", "PTR", "SRV", "TXT", "CAA", "SOA"];
}
