namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's log page (English).</summary>
internal static class LogPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.log.title"] = "Maintenance log",
    };
}
