using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>How checks turn the host they connect to into addresses: the system's resolver, or the DNS server the plan
/// names in <c>monitoring.resolver</c> (asked directly for A and AAAA, its answers kept for their TTL). A name that does
/// not resolve fails as the system's resolver fails (<see cref="SocketError.HostNotFound"/>), so the check's reason reads
/// the same either way.</summary>
/// <remarks><c>localhost</c> and its subdomains are loopback (RFC 6761) without asking: a DNS server need not know them.</remarks>
public sealed class CheckResolver
{
    private readonly LookupClient? client;

    /// <param name="server">address:port of the DNS server, or null for the system's resolver.</param>
    public CheckResolver(string? server)
    {
        Server = server;
        if (server is null) return;
        var (host, port) = HostPortText.Split(server);
        // The plan's validation made it an address: a resolver cannot look up its own name.
        client = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Parse(host), port))
        {
            UseCache = true,
            Retries = 1,
            Timeout = TimeSpan.FromSeconds(5),
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            UseTcpFallback = true,
            Recursion = true,
        });
    }

    /// <summary>The system's resolver.</summary>
    public static CheckResolver System { get; } = new(null);

    /// <summary>The plan's DNS server, address:port; null for the system's resolver.</summary>
    public string? Server { get; }

    /// <summary>The addresses of <paramref name="host"/> (an address is itself).</summary>
    /// <exception cref="SocketException">The name does not resolve: HostNotFound (NXDOMAIN), NoData (no address), TryAgain
    /// (the server failed or refused).</exception>
    public async Task<IPAddress[]> AddressesAsync(string host, CancellationToken ct)
    {
        host = host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip)) return [ip];
        var name = host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        if (client is null) return await Dns.GetHostAddressesAsync(host, ct);
        IDnsQueryResponse[] answers;
        try
        {
            answers = await Task.WhenAll(client.QueryAsync(name, QueryType.A, QueryClass.IN, ct), client.QueryAsync(name, QueryType.AAAA, QueryClass.IN, ct));
        }
        catch (DnsResponseException)
        {
            // No answer from the server (timed out, unreachable): as the system's resolver says it.
            throw new SocketException((int)SocketError.TryAgain);
        }
        var addresses = answers.SelectMany(a => a.Answers).Select(r => r switch
        {
            ARecord a => a.Address,
            AaaaRecord aaaa => aaaa.Address,
            _ => null,
        }).OfType<IPAddress>().ToArray();
        if (addresses.Length > 0) return addresses;
        throw new SocketException((int)(answers.Select(a => a.Header.ResponseCode).ToArray() switch
        {
            var codes when codes.Contains(DnsHeaderResponseCode.NotExistentDomain) => SocketError.HostNotFound,
            var codes when codes.All(c => c == DnsHeaderResponseCode.NoError) => SocketError.NoData,
            _ => SocketError.TryAgain,
        }));
    }

    /// <summary>Connects <paramref name="client"/> to <paramref name="host"/>:<paramref name="port"/>, trying each address
    /// as the system's connect does.</summary>
    public async Task ConnectAsync(TcpClient client, string host, int port, CancellationToken ct) =>
        await client.ConnectAsync(await AddressesAsync(host, ct), port, ct);
}
