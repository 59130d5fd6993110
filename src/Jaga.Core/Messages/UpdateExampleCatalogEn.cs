namespace Jaga.Core.Messages;

/// <summary>The texts of a package index kept as files (a <c>file:</c> URL or a folder, as the example project ships
/// one) and of OSV advisories given as a folder of documents.</summary>
internal static class UpdateExampleCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.registry.pip.index"] = "{0}: '{1}' is neither an http:// or https:// URL, a file: URL nor an existing folder",
        ["reason.registry.pip.index.hint"] = "write the index's full URL (https://pypi.example.com/simple/), or a file: URL or folder laid out as a PEP 503 simple index",
        ["reason.registry.pip.folder.missing"] = "the index's folder {0} does not exist",
    };
}
