namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's checklist page (English).</summary>
internal static class ChecklistPageCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.checklist.title"] = "Checklist",
    };
}
