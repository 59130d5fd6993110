namespace Jaga.Engine.Updates.Apply;

/// <summary>The bytes of every file an attempt may change, taken before it changes any, to put back byte for byte.</summary>
internal sealed class FileSnapshot
{
    private FileSnapshot(string root, IReadOnlyList<SnapshotFile> files)
    {
        Root = root;
        Files = files;
    }

    public string Root { get; }

    public IReadOnlyList<SnapshotFile> Files { get; }

    /// <summary>Reads <paramref name="paths"/> (relative to <paramref name="root"/>; each must exist) now.</summary>
    public static FileSnapshot Take(string root, IEnumerable<string> paths) =>
        new(root, [.. paths.Distinct(StringComparer.Ordinal).Select(p => SnapshotFile.Of(p, File.ReadAllBytes(RelativePath.Full(root, p))))]);

    /// <summary>Writes every file back and reads it again: its SHA-256 must be the one taken. A file that does not come back
    /// identical is an <see cref="IOException"/> naming it.</summary>
    public void Restore()
    {
        foreach (var file in Files) file.RestoreUnder(Root);
    }

    /// <summary>The files whose bytes differ from the snapshot now.</summary>
    public IEnumerable<string> Changed() =>
        Files.Where(f => !File.Exists(RelativePath.Full(Root, f.Path)) || SnapshotFile.Sha256(File.ReadAllBytes(RelativePath.Full(Root, f.Path))) != f.Hash)
            .Select(f => f.Path);
}
