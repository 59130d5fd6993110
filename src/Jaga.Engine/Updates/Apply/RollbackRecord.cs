using System.Text.Json;
using System.Text.Json.Serialization;
using Jaga.Engine.Files;

namespace Jaga.Engine.Updates.Apply;

/// <summary>An attempt's snapshot on disk, under <c>.jaga/update-rollback/ID/</c>, so that an apply stopped midway (a crash,
/// a kill, a power cut) is rolled back by the next one before anything else.</summary>
/// <remarks>The copies are written and flushed first, then <c>record.json</c> atomically: a folder without it was left
/// before any file was edited and holds nothing to restore. The record is deleted only once the attempt has ended, its
/// files kept or restored; the journal's line comes after that.</remarks>
internal sealed class RollbackRecord
{
    /// <summary>Where the records live, relative to the project root.</summary>
    public const string Folder = ".jaga/update-rollback";

    private const string RecordName = "record.json";
    private const string Format = "jaga.update-rollback/1";

    private readonly string folder;

    private RollbackRecord(string folder) => this.folder = folder;

    /// <summary>Writes <paramref name="snapshot"/> and the updates being tried; returns once it is on disk.</summary>
    public static RollbackRecord Write(FileSnapshot snapshot, IEnumerable<string> updates)
    {
        var folder = Path.Combine(RelativePath.Full(snapshot.Root, Folder), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = new List<RollbackFileDto>();
        foreach (var (file, i) in snapshot.Files.Select((f, i) => (f, i)))
        {
            var copy = $"{i}.bin";
            using (var stream = new FileStream(Path.Combine(folder, copy), FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(file.Bytes);
                stream.Flush(flushToDisk: true);
            }
            files.Add(new RollbackFileDto(file.Path, file.Hash, copy));
        }
        var record = new RollbackRecordDto(Format, [.. updates], files);
        AtomicFile.WriteAllText(Path.Combine(folder, RecordName), JsonSerializer.Serialize(record, RollbackJsonContext.Default.RollbackRecordDto) + "\n");
        return new RollbackRecord(folder);
    }

    /// <summary>The attempt is over, its files kept or restored: the record is no longer needed.</summary>
    public void Delete() => Directory.Delete(folder, recursive: true);

    /// <summary>Restores every file of every record left under <paramref name="root"/> (checked by SHA-256, as a
    /// rollback), then deletes the record. Returns what each complete record was trying, oldest first.</summary>
    /// <exception cref="InvalidDataException">A record that cannot be trusted: it is left in place, named.</exception>
    public static IReadOnlyList<(IReadOnlyList<string> Updates, int Files)> RecoverAll(string root)
    {
        var top = RelativePath.Full(root, Folder);
        if (!Directory.Exists(top)) return [];
        var recovered = new List<(IReadOnlyList<string>, int)>();
        foreach (var folder in Directory.EnumerateDirectories(top).OrderBy(Directory.GetLastWriteTimeUtc))
        {
            var path = Path.Combine(folder, RecordName);
            if (File.Exists(path))
            {
                var record = Read(path);
                var files = record.Files.Select(f => Copy(root, folder, f)).ToList();
                foreach (var file in files) file.RestoreUnder(root);
                recovered.Add((record.Updates, files.Count));
            }
            Directory.Delete(folder, recursive: true);
        }
        return recovered;
    }

    private static RollbackRecordDto Read(string path)
    {
        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllText(path), RollbackJsonContext.Default.RollbackRecordDto);
            if (record is { Format: Format }) return record;
        }
        catch (JsonException)
        {
            // Said below, with the way out.
        }
        throw new InvalidDataException($"{path} is not a rollback record Jaga can read: restore the files of that apply by hand (git checkout), then delete its folder");
    }

    private static SnapshotFile Copy(string root, string folder, RollbackFileDto file)
    {
        if (!RelativePath.IsInside(root, file.Path) || file.Copy.Contains('/', StringComparison.Ordinal) || file.Copy.Contains("..", StringComparison.Ordinal))
            throw new InvalidDataException($"{Path.Combine(folder, RecordName)} names a file outside the project ({file.Path}): it was not written by Jaga; delete its folder");
        var copy = SnapshotFile.Of(file.Path, File.ReadAllBytes(Path.Combine(folder, file.Copy)));
        if (copy.Hash != file.Sha256)
            throw new InvalidDataException($"{Path.Combine(folder, file.Copy)}, the saved copy of {file.Path}, has SHA-256 {copy.Hash}, not {file.Sha256}: restore that file by hand (git checkout), then delete the folder");
        return copy;
    }
}

internal sealed record RollbackRecordDto(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("updates")] IReadOnlyList<string> Updates,
    [property: JsonPropertyName("files")] IReadOnlyList<RollbackFileDto> Files);

internal sealed record RollbackFileDto(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("copy")] string Copy);

[JsonSerializable(typeof(RollbackRecordDto))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class RollbackJsonContext : JsonSerializerContext;
