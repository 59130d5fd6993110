using System.Globalization;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>Splits the plan's <c>host:port</c> (or <c>[v6]:port</c>), which the plan's validation already checked.</summary>
internal static class HostPortText
{
    public static (string Host, int Port) Split(string value)
    {
        var colon = value.LastIndexOf(':');
        var host = value[..colon].Trim('[', ']');
        return (host, int.Parse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
