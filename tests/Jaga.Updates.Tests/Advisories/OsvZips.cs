using System.IO.Compression;

namespace Jaga.Updates.Tests.Advisories;

/// <summary>Builds OSV dumps (<c>all.zip</c>, one <c>ID.json</c> per advisory) from the real documents under <c>Osv/</c>.</summary>
internal static class OsvZips
{
    public static string Write(string folder, string fileName, params string[] names) =>
        WriteEntries(folder, fileName, [.. names.Select(n => (n + ".json", OsvFiles.Text(n)))]);

    public static string WriteEntries(string folder, string fileName, params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(folder, fileName);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var w = new StreamWriter(zip.CreateEntry(entry, CompressionLevel.Optimal).Open());
            w.Write(text);
        }
        return path;
    }
}
