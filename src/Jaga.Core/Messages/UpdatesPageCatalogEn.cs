namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's updates page (English).</summary>
internal static class UpdatesPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.updates.title"] = "Updates",
    };
}
