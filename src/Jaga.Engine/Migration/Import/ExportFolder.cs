using System.Security.Cryptography;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Import;

/// <summary>An export folder as the import reads it: its manifest, and each table's file checked against the SHA-256 the
/// manifest holds, so a file changed since the export is never loaded.</summary>
internal static class ExportFolder
{
    public static ExportManifest ReadManifest(string folder, Catalog words)
    {
        var path = Path.Combine(folder, ExportManifest.FileName);
        if (!Directory.Exists(folder))
            throw new UserException(words.Format("cli.import.folder.missing", folder), words["cli.import.folder.hint"]);
        if (!File.Exists(path))
            throw new UserException(words.Format("cli.import.manifest.missing", folder), words["cli.import.folder.hint"]);
        var manifest = ExportManifestJson.TryRead(File.ReadAllText(path), out var problem);
        return manifest ?? throw new UserException(words.Format("cli.import.manifest.bad", path, problem), words["cli.import.folder.hint"]);
    }

    /// <summary>Every table's file whose bytes are not those the export wrote (missing, or another SHA-256).</summary>
    public static async Task<List<Phrase>> ChangedFilesAsync(string folder, IEnumerable<ManifestTable> tables, CancellationToken ct)
    {
        var problems = new List<Phrase>();
        foreach (var t in tables)
        {
            var path = Path.Combine(folder, t.File);
            if (!File.Exists(path))
            {
                problems.Add(new Phrase("reason.import.file.missing", [path, t.Name]));
                continue;
            }
            await using var file = OpenRead(path);
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            if (!string.Equals(actual, t.Sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add(new Phrase("reason.import.file.changed", [path, t.Sha256, actual]));
        }
        return problems;
    }

    /// <summary>Sequential reads with a large buffer: the files are read once, front to back.</summary>
    public static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
}
