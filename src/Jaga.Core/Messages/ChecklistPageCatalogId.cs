namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's checklist page (Indonesian).</summary>
internal static class ChecklistPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.checklist.title"] = "Daftar periksa",
    };
}
