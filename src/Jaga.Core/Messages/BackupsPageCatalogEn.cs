namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's backups page (English).</summary>
internal static class BackupsPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.backups.title"] = "Backups",
    };
}
