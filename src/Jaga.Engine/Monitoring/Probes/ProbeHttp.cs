using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>The HTTP clients every <c>http</c> check shares: one pooled <see cref="SocketsHttpHandler"/> that verifies
/// certificates and one for <c>insecure: true</c> checks (separate, so a connection accepted without verification is
/// never reused by a check that wants it). Redirects are followed by the probe, per check. The validation callback
/// keeps each server's leaf certificate (per scheme, host and port), since a pooled connection is validated once.</summary>
public sealed class ProbeHttp : IDisposable
{
    private readonly ConcurrentDictionary<string, CertificateSeen> certificates = new(StringComparer.OrdinalIgnoreCase);

    public ProbeHttp()
    {
        Secure = new HttpClient(Handler(insecure: false), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Insecure = new HttpClient(Handler(insecure: true), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    internal HttpClient Secure { get; }

    internal HttpClient Insecure { get; }

    /// <summary>The certificate last seen at <paramref name="uri"/>'s server, if it was reached over TLS.</summary>
    internal CertificateSeen? CertificateOf(Uri uri) => certificates.TryGetValue(Key(uri), out var seen) ? seen : null;

    public void Dispose()
    {
        Secure.Dispose();
        Insecure.Dispose();
    }

    private SocketsHttpHandler Handler(bool insecure) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = 64,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                if (sender is HttpRequestMessage { RequestUri: { } uri } && certificate is not null)
                    certificates[Key(uri)] = CertificateSeen.From(certificate, chain, errors);
                return insecure || errors == SslPolicyErrors.None;
            },
        },
    };

    private static string Key(Uri uri) => $"{uri.Scheme}://{uri.Host}:{uri.Port}";
}
