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
        return DomainExpiry.Wanted(check) ? await context.Domains.AddAsync(seen, HostPortText.Split(check.Tls).Host, ct) : seen;
    }

    private Task<CheckObservation> HandshakeAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var (host, port) = HostPortText.Split(check.Tls);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, token);
            CertificateSeen? seen = null;
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (certificate is not null) seen = CertificateSeen.From(certificate, chain, errors);
                    return check.Insecure || errors == SslPolicyErrors.None;
                },
            };
            try
            {
                await tls.AuthenticateAsClientAsync(options, token);
            }
            catch (AuthenticationException) when (seen is { Problem: { } problem })
            {
                return ProbeRun.Failed(elapsed(), "TLS validation failed: " + problem) with { CertificateExpiration = seen.NotAfter - context.Clock.GetUtcNow() };
            }
            var observation = new CheckObservation(true, elapsed()) { Values = ProbeValues.Ip(client.Client.RemoteEndPoint) };
            return seen is null ? observation : observation with { CertificateExpiration = seen.NotAfter - context.Clock.GetUtcNow() };
        }, null, ct);
}
