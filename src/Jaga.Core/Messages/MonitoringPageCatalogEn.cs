namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's monitoring page (English).</summary>
internal static class MonitoringPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.monitoring.title"] = "Monitoring",
    };
}
