using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>tls</c> check: a TLS handshake with host:port; [CERTIFICATE_EXPIRATION] from the leaf certificate, which
/// must validate for the host unless <c>insecure</c> (then the expiry is still measured); [IP] the address reached and,
/// when a condition reads it, [DOMAIN_EXPIRATION] (RDAP).</summary>
internal sealed class TlsProbe(TlsCheck check, ProbeContext context) : ICheckProbe
{
    public async Task<CheckObservation> ObserveAsync(CancellationToken ct)
    {
        var seen = await HandshakeAsync(ct);
        return DomainExpiry.Wanted(check) ? await context.Domains.AddAsync(seen, HostPortText.Split(check.Tls).Host, check.Domain, ct) : seen;
    }

    private Task<CheckObservation> HandshakeAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var (host, port) = HostPortText.Split(check.Tls);
            using var client = new TcpClient();
            await context.Resolver.ConnectAsync(client, host, port, token);
            // Read before the handshake: the TLS stream closes the socket when it is done.
            var reached = ProbeValues.Ip(client.Client.RemoteEndPoint);
            var observation = await HandshakeAsync(client.GetStream(), host, check.Insecure, context.Clock, elapsed, token);
            return observation with { Values = reached };
        }, null, ct);

    /// <summary>A TLS handshake over <paramref name="stream"/> (a fresh connection, or one a STARTTLS just upgraded), the
    /// certificate validated for <paramref name="host"/> unless <paramref name="insecure"/>; its expiry measured either way.</summary>
    public static async Task<CheckObservation> HandshakeAsync(Stream stream, string host, bool insecure, TimeProvider clock, Func<TimeSpan> elapsed,
        CancellationToken token)
    {
        CertificateSeen? seen = null;
        await using var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (certificate is not null) seen = CertificateSeen.From(certificate, chain, errors);
                return insecure || errors == SslPolicyErrors.None;
            },
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, token);
        }
        catch (AuthenticationException) when (seen is { Problem: { } problem })
        {
            return ProbeRun.Failed(elapsed(), "TLS validation failed: " + problem) with { CertificateExpiration = seen.NotAfter - clock.GetUtcNow() };
        }
        var observation = new CheckObservation(true, elapsed());
        return seen is null ? observation : observation with { CertificateExpiration = seen.NotAfter - clock.GetUtcNow() };
    }
}
