namespace Jaga.Core.Plan;

/// <summary>A mail server's STARTTLS (<c>starttls: smtp://host:587</c> or <c>imap://host:143</c>): the plain greeting, the
/// upgrade, then a TLS handshake as a <c>tls</c> check makes one: [CONNECTED], [CERTIFICATE_EXPIRATION].</summary>
public sealed record StarttlsCheck(
    string Name, string Starttls, bool Insecure, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "starttls";

    public override string Target => Starttls;
}
