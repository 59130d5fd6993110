using Jaga.Core.Errors;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Export;

/// <summary>The export folder: made when missing, reused when empty or a previous Jaga export, refused otherwise, so an
/// export never mixes its files with someone else's or deletes them. A Jaga export carries a marker file from its first
/// moment, so a folder an interrupted export left behind is known as one too.</summary>
internal static class ExportFolder
{
    /// <summary>The marker file: hidden, and never a table's file (those never start with a dot).</summary>
    public const string Marker = ".jaga-export";

    public const string TemporarySuffix = ".tmp";

    public static void Prepare(string folder)
    {
        if (File.Exists(folder)) throw new UserException($"--out {folder} is a file, not a folder", "name a new or empty folder for the export");
        Directory.CreateDirectory(folder);
        var entries = Directory.EnumerateFileSystemEntries(folder).ToList();
        if (entries.Count > 0 && !File.Exists(Path.Combine(folder, Marker)) && !IsFinishedExport(folder))
            throw new UserException($"--out {folder} is not empty and holds no Jaga export",
                "name a new or empty folder (an export replaces only a previous Jaga export)");
        // The manifest goes first: from here until the new one is written the folder reads as an unfinished export.
        File.Delete(Path.Combine(folder, ExportManifest.FileName));
        foreach (var file in Directory.EnumerateFiles(folder))
            if (file.EndsWith(".csv", StringComparison.Ordinal) || file.EndsWith(".csv" + TemporarySuffix, StringComparison.Ordinal)) File.Delete(file);
        File.WriteAllText(Path.Combine(folder, Marker), "jaga migrate export\n");
    }

    private static bool IsFinishedExport(string folder)
    {
        var manifest = Path.Combine(folder, ExportManifest.FileName);
        if (!File.Exists(manifest) || new FileInfo(manifest).Length > 64 << 20) return false;
        return ExportManifestJson.TryRead(File.ReadAllText(manifest), out _) is not null;
    }

    /// <summary>A file name for each table: its name where that is a safe file name, otherwise with the unsafe characters
    /// replaced, and a number added where two would collide (file systems that ignore case included).</summary>
    public static IReadOnlyDictionary<string, string> FileNames(IEnumerable<string> tables)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var stem = new string(table.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
            if (stem.Length == 0 || stem.Length > 100) stem = "table" + (stem.Length > 100 ? "_" + stem[..60] : "");
            var file = stem + ".csv";
            for (var n = 2; !taken.Add(file); n++) file = $"{stem}-{n}.csv";
            names[table] = file;
        }
        return names;
    }
}
