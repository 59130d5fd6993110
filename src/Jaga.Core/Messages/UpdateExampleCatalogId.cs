namespace Jaga.Core.Messages;

/// <summary>Indonesian texts of <see cref="UpdateExampleCatalogEn"/>.</summary>
internal static class UpdateExampleCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.registry.pip.index"] = "{0}: '{1}' bukan URL http:// atau https://, URL file:, maupun folder yang ada",
        ["reason.registry.pip.index.hint"] = "tulis URL lengkap indeks (https://pypi.example.com/simple/), atau URL file: atau folder yang disusun sebagai indeks sederhana PEP 503",
        ["reason.registry.pip.folder.missing"] = "folder indeks {0} tidak ada",
    };
}
