namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's log page (Indonesian).</summary>
internal static class LogPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.log.title"] = "Log pemeliharaan",
    };
}
