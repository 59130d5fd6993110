namespace Jaga.Core.Plan;

/// <summary>A TLS handshake (<c>tls: host:port</c>): [CONNECTED], [CERTIFICATE_EXPIRATION].
/// <c>Domain</c> is the registered domain whose expiry [DOMAIN_EXPIRATION] reads; null for the host's last two labels.</summary>
public sealed record TlsCheck(
    string Name, string Tls, bool Insecure, string? Domain, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "tls";

    public override string Target => Tls;
}
