using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Import;

/// <summary>An export folder as the import reads it: its manifest, and each table's file (checked against the SHA-256 the
/// manifest holds while it is loaded, so a file changed since the export is never committed).</summary>
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

    /// <summary>Every table's file that is missing. Whether a file's bytes are those the export wrote is checked as it is
    /// loaded (<see cref="TableLoader"/>): its SHA-256 computed in the same pass as the COPY, and compared before the commit.</summary>
    public static List<Phrase> MissingFiles(string folder, IEnumerable<ManifestTable> tables) =>
        [.. tables.Select(t => (Path: Path.Combine(folder, t.File), t.Name)).Where(f => !File.Exists(f.Path))
            .Select(f => new Phrase("reason.import.file.missing", [f.Path, f.Name]))];

    /// <summary>Sequential reads with a large buffer: the files are read once, front to back.</summary>
    public static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
}
