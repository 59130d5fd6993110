using System.Security.Cryptography;

namespace Jaga.Engine.Updates.Apply;

/// <summary>One file's bytes and their SHA-256 (lower-case hex).</summary>
internal sealed record SnapshotFile(string Path, byte[] Bytes, string Hash)
{
    public static SnapshotFile Of(string path, byte[] bytes) => new(path, bytes, Sha256(bytes));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes the bytes back in place (the file keeps its owner and mode) and checks them by their hash.</summary>
    public void RestoreUnder(string root)
    {
        var full = RelativePath.Full(root, Path);
        using (var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Bytes);
            stream.Flush(flushToDisk: true);
        }
        var back = Sha256(File.ReadAllBytes(full));
        if (back != Hash) throw new IOException($"{Path} was restored but reads back with SHA-256 {back}, not {Hash}");
    }
}
