namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's emergency page (Indonesian).</summary>
internal static class EmergencyPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.emergency.title"] = "Darurat",
    };
}
