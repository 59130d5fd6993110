using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>The leaf certificate a server presented, and what validation thought of it.</summary>
/// <param name="NotAfter">When the certificate expires.</param>
/// <param name="Problem">Why it does not validate, in words; null when it does.</param>
internal sealed record CertificateSeen(DateTimeOffset NotAfter, string? Problem)
{
    public static CertificateSeen From(X509Certificate certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        return new CertificateSeen(new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero), Describe(errors, chain));
    }

    /// <summary>The validation errors in words (<c>name mismatch</c>, the chain's own status texts), or null.</summary>
    public static string? Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        if (errors == SslPolicyErrors.None) return null;
        var parts = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) parts.Add("no certificate presented");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) parts.Add("certificate name does not match the host");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList() ?? [];
            parts.Add(statuses.Count > 0 ? string.Join("; ", statuses) : "certificate chain does not verify");
        }
        return string.Join(", ", parts);
    }
}
