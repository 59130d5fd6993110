using Jaga.Core.Plan;
using System.Diagnostics;
using Jaga.Engine.Backup;
using Jaga.Engine.Files;

namespace Jaga.Engine.Logs;

/// <summary>The file operations of a retention pass, each crash-safe: a crash leaves the old state or the new, never a half file
/// under a final name.</summary>
public static class LogFileOps
{
    /// <summary>Renames the live file and creates an empty one in its place with the same mode (and owner, when running
    /// as root). A writer holding the old file open keeps writing into the rotated file until it reopens (post_rotate).</summary>
    public static void RotateByRename(string live, string target)
    {
        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(live);
        File.Move(live, target, overwrite: false);
        try
        {
            using (new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (IOException) when (File.Exists(live))
        {
            // The application created it first (it opens, appends and closes per line): its file, its mode.
            return;
        }
        if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(live, m);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows()) CopyOwner(target, live);
    }

    /// <summary>Copies the live file to <paramref name="target"/>, then empties it. Lines the application writes between the
    /// last read of the copy and the truncation are lost: that is copytruncate's nature, here kept to a few microseconds by
    /// copying the tail again just before truncating.</summary>
    public static async Task CopyTruncateAsync(string live, string target, CancellationToken ct)
    {
        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(live);
        long copied = 0;
        await AtomicFile.WriteAsync(target, async output =>
        {
            await using var input = new FileStream(live, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await input.CopyToAsync(output, ct);
            copied = input.Position;
        }, mode);
        await using var again = new FileStream(live, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        await using var tail = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.Read);
        again.Seek(copied, SeekOrigin.Begin);
        await again.CopyToAsync(tail, ct);
        await tail.FlushAsync(ct);
        again.SetLength(0);
        // Flushed to disk after the truncation: the wait for the disk would otherwise widen the window in which lines are lost.
        tail.Flush(flushToDisk: true);
    }

    /// <summary>Compresses into <paramref name="target"/> under a temporary name, flushed and renamed, and only then removes the original.</summary>
    public static async Task CompressAsync(string source, string target, Compression kind, CancellationToken ct)
    {
        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(source);
        var written = File.GetLastWriteTimeUtc(source);
        await AtomicFile.WriteAsync(target, async output =>
        {
            await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
            await using (var packed = CompressionStreams.Compress(output, kind))
                await input.CopyToAsync(packed, ct);
        }, mode);
        File.SetLastWriteTimeUtc(target, written);
        File.Delete(source);
    }

    /// <summary>A rotated file's content, decompressed by its extension.</summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var kind = CompressionFiles.FromExtension(path);
        return kind == Compression.None ? file : new OwningStream(CompressionStreams.Decompress(file, kind), file);
    }

    private static void CopyOwner(string from, string to)
    {
        using var p = Process.Start(new ProcessStartInfo("chown") { ArgumentList = { "--reference=" + from, to }, UseShellExecute = false });
        p?.WaitForExit();
    }
}
