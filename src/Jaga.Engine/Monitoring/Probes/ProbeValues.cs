using System.Net;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Named values probes report in <see cref="Core.Monitoring.CheckObservation.Values"/>, read by conditions as
/// placeholders of their own (<c>[IP]</c>, <c>[DOMAIN_EXPIRATION]</c>; the names are listed in the condition parser).</summary>
internal static class ProbeValues
{
    public const string IpName = "IP";
    public const string DomainExpirationName = "DOMAIN_EXPIRATION";

    /// <summary>[IP] when the address is known, else no values.</summary>
    public static IReadOnlyDictionary<string, string> Ip(string? address) =>
        address is null ? Empty() : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [IpName] = address };

    /// <summary>[IP] of a connected socket's remote end.</summary>
    public static IReadOnlyDictionary<string, string> Ip(EndPoint? remote) => Ip(remote is IPEndPoint ip ? ProbeHttp.Address(ip.Address) : null);

    /// <summary>The values with one more set (a copy; the observation's own stays as it was).</summary>
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> values, string name, string value) =>
        new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { [name] = value };

    private static Dictionary<string, string> Empty() => new(StringComparer.OrdinalIgnoreCase);
}
