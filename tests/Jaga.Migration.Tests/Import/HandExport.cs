using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Migration;

namespace Jaga.Migration.Tests.Import;

/// <summary>An export folder written by hand in the documented conventions (docs/migration.md), since the exporter is
/// written at the same time: each table's CSV text exactly as given, and a manifest with its SHA-256.</summary>
internal sealed class HandExport : IDisposable
{
    private readonly List<ManifestTable> tables = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("jaga-import-").FullName;

    /// <summary>Adds a table whose CSV file is <paramref name="csv"/> (header included) with <paramref name="rows"/> records.</summary>
    public HandExport Table(string name, string csv, long rows, IReadOnlyList<ManifestColumn> columns, IReadOnlyList<string>? primaryKey = null,
        IReadOnlyList<ManifestForeignKey>? foreignKeys = null, IReadOnlyList<ManifestIndex>? indexes = null)
    {
        var file = name + ".csv";
        var bytes = Encoding.UTF8.GetBytes(csv);
        File.WriteAllBytes(Path.Combine(Folder, file), bytes);
        tables.Add(new ManifestTable(name, file, columns, primaryKey ?? [], foreignKeys ?? [], indexes ?? [], rows,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), new string('0', 64)));
        return this;
    }

    /// <summary>Writes manifest.json (last, as the exporter does) and returns the folder.</summary>
    public string Write()
    {
        var manifest = new ExportManifest(ExportManifest.CurrentFormat, "sqlite:app.db", "sqlite",
            new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)), "test", tables);
        File.WriteAllText(Path.Combine(Folder, ExportManifest.FileName), ExportManifestJson.Write(manifest));
        return Folder;
    }

    public string PathOf(string table) => Path.Combine(Folder, table + ".csv");

    public static ManifestColumn Column(string name, string pgType, bool nullable = true, bool identity = false) =>
        new(name, pgType.ToUpperInvariant(), pgType, nullable, identity);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
