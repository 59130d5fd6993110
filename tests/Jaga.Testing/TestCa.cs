using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Jaga.Testing;

/// <summary>A private certificate authority made for one test run, and server certificates it signs for loopback
/// (<c>127.0.0.1</c> and <c>localhost</c>): what a test needs to prove a client trusts a private CA it is pointed at.</summary>
public sealed class TestCa : IDisposable
{
    private readonly X509Certificate2 root;

    private TestCa(X509Certificate2 root) => this.root = root;

    public static TestCa Create(string name = "Jaga Test CA")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Real time: the certificate is checked by a real TLS stack against the system clock.
#pragma warning disable RS0030
        var now = TimeProvider.System.GetUtcNow();
#pragma warning restore RS0030
        return new TestCa(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2)));
    }

    /// <summary>The CA certificate as PEM (what a client's <c>ca_file</c> names).</summary>
    public string Pem => root.ExportCertificatePem();

    /// <summary>A server certificate for 127.0.0.1 and localhost with its private key, as a password-protected PFX.</summary>
    public byte[] ServerPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        // Real time: the certificate is checked by a real TLS stack against the system clock.
#pragma warning disable RS0030
        var now = TimeProvider.System.GetUtcNow();
#pragma warning restore RS0030
        using var signed = request.Create(root, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        return withKey.Export(X509ContentType.Pfx, password);
    }

    public void Dispose() => root.Dispose();
}
