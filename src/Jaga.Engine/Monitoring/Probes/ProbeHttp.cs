using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>The HTTP clients every <c>http</c> check shares: one pooled <see cref="SocketsHttpHandler"/> that verifies
/// certificates and one for <c>insecure: true</c> checks (separate, so a connection accepted without verification is
/// never reused by a check that wants it). Redirects are followed by the probe, per check. The validation callback
/// keeps each server's leaf certificate (per host name), since a pooled connection is validated once.</summary>
public sealed class ProbeHttp : IDisposable
{
    private readonly ConcurrentDictionary<string, CertificateSeen> certificates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> addresses = new(StringComparer.OrdinalIgnoreCase);

    public ProbeHttp()
    {
        Secure = new HttpClient(Handler(insecure: false), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Insecure = new HttpClient(Handler(insecure: true), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The resolver a request's new connection resolves the server's name with; the system's when unset.</summary>
    /// <remarks>A pooled connection is reused by any request to its host and port: one process has one plan, whose checks
    /// share one resolver.</remarks>
    internal static readonly HttpRequestOptionsKey<CheckResolver> ResolverOption = new("jaga.resolver");

    internal HttpClient Secure { get; }

    internal HttpClient Insecure { get; }

    /// <summary>The certificate last seen at <paramref name="uri"/>'s server, if it was reached over TLS.</summary>
    /// <remarks>Kept per host name: two TLS ports of one host with different certificates share the latest one seen.</remarks>
    internal CertificateSeen? CertificateOf(Uri uri) => certificates.TryGetValue(uri.IdnHost, out var seen) ? seen : null;

    /// <summary>[IP]: the address the latest connection to <paramref name="uri"/>'s host and port went to (a pooled connection
    /// keeps the address it was opened to).</summary>
    internal string? AddressOf(Uri uri) => addresses.TryGetValue(Key(uri.IdnHost, uri.Port), out var ip) ? ip : null;

    public void Dispose()
    {
        Secure.Dispose();
        Insecure.Dispose();
    }

    /// <summary>An address as text: IPv4 without its IPv6 mapping (<c>127.0.0.1</c>, not <c>::ffff:127.0.0.1</c>).</summary>
    internal static string Address(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static string Key(string host, int port) => $"{host.Trim('[', ']')}:{port}";

    private SocketsHttpHandler Handler(bool insecure) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = 64,
        ConnectCallback = async (context, ct) =>
        {
            // As the default connect does (a dual-mode socket tries every address of the name), keeping the one reached.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
                if (context.InitialRequestMessage.Options.TryGetValue(ResolverOption, out var resolver))
                    await socket.ConnectAsync(await resolver.AddressesAsync(host, ct), port, ct);
                else
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                if (socket.RemoteEndPoint is IPEndPoint reached)
                    addresses[Key(host, port)] = Address(reached.Address);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                // The sender is the connection's SslStream (no request: a pooled connection serves many), so the
                // certificate is kept per host name.
                var host = sender switch
                {
                    SslStream tls => tls.TargetHostName,
                    HttpRequestMessage { RequestUri: { } uri } => uri.IdnHost,
                    _ => null,
                };
                if (!string.IsNullOrEmpty(host) && certificate is not null)
                    certificates[host] = CertificateSeen.From(certificate, chain, errors);
                return insecure || errors == SslPolicyErrors.None;
            },
        },
    };
}
