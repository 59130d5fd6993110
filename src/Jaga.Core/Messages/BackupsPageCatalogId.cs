namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's backups page (Indonesian).</summary>
internal static class BackupsPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.backups.title"] = "Backup",
    };
}
