namespace Jaga.Core.Plan;

/// <summary>An HTTP(S) request (<c>http:</c>): [STATUS], [BODY], [RESPONSE_TIME], [CERTIFICATE_EXPIRATION].
/// <c>Domain</c> is the registered domain whose expiry [DOMAIN_EXPIRATION] reads; null for the host's last two labels.</summary>
public sealed record HttpCheck(
    string Name, string Http, string? Method, IReadOnlyDictionary<string, string> Headers, string? Body, bool FollowRedirects, bool Insecure, string? Domain, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "http";

    public override string Target => Http;
}
