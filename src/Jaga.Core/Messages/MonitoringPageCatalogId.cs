namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's monitoring page (Indonesian).</summary>
internal static class MonitoringPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.monitoring.title"] = "Pemantauan",
    };
}
