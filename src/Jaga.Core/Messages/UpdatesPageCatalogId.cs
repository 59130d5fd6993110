namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's updates page (Indonesian).</summary>
internal static class UpdatesPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.updates.title"] = "Pembaruan",
    };
}
