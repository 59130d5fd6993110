using System.Net;

namespace Jaga.Core.Plan.Values;

/// <summary>The plan's <c>listen:</c> address (<c>host:port</c>, <c>[v6]:port</c>), as the daemon binds it.</summary>
public static class ListenAddress
{
    /// <summary>True when only this machine can reach the address: a loopback IP (127.0.0.0/8, ::1) or <c>localhost</c>.
    /// Any other name binds every interface (as Kestrel does with a host name), so it is not loopback.</summary>
    public static bool IsLoopback(string listen)
    {
        var host = Host(listen);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>The host part, without the brackets of an IPv6 address.</summary>
    public static string Host(string listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (listen.StartsWith('[') && listen.IndexOf(']', StringComparison.Ordinal) is > 0 and var close) return listen[1..close];
        var colon = listen.LastIndexOf(':');
        return colon < 0 ? listen : listen[..colon];
    }

    /// <summary>The port part, as written.</summary>
    public static string Port(string listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var colon = listen.LastIndexOf(':');
        return colon < 0 ? "" : listen[(colon + 1)..];
    }

    /// <summary>True for an address that binds every interface (<c>0.0.0.0</c>, <c>::</c>, <c>*</c>, <c>+</c>): no URL can name it.</summary>
    public static bool IsWildcard(string listen) => Host(listen) is "0.0.0.0" or "::" or "*" or "+" or "";
}
