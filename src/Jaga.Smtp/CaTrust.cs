using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Jaga.Smtp;

/// <summary>Trusts a mail server's certificate when it chains to one private CA (a channel's <c>ca_file</c>) and names
/// the host: the chain is built against that CA alone, never "accept anything".</summary>
internal sealed class CaTrust : IDisposable
{
    private readonly X509Certificate2Collection roots;

    private CaTrust(X509Certificate2Collection roots) => this.roots = roots;

    /// <exception cref="Core.Monitoring.AlertDeliveryException">The file is missing or holds no certificate.</exception>
    public static CaTrust Load(string pemFile)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(pemFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new Core.Monitoring.AlertDeliveryException($"cannot read ca_file {pemFile}: {e.Message}") { Retryable = false };
        }
        if (roots.Count == 0)
            throw new Core.Monitoring.AlertDeliveryException($"ca_file {pemFile} holds no PEM certificate") { Retryable = false };
        return new CaTrust(roots);
    }

    /// <summary>The check MailKit calls during the TLS handshake.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return false;
        // A wrong host name is never forgiven; an unknown root is what this check decides itself.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }

    public void Dispose()
    {
        foreach (var c in roots) c.Dispose();
    }
}
