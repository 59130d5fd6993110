namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's emergency page (English).</summary>
internal static class EmergencyPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.emergency.title"] = "Emergency",
    };
}
