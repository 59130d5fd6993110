using System.Text;

namespace Jaga.Engine.Files;

/// <summary>Writes a file so that a crash leaves either the old content or the new, never half: temp name, flush to disk,
/// rename, flush the folder (so the new name itself survives a power cut).</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null) =>
        WriteAsync(path, s =>
        {
            s.Write(Encoding.UTF8.GetBytes(text));
            return Task.CompletedTask;
        }, mode).GetAwaiter().GetResult();

    /// <summary>Streams content into the file under a temporary name; renamed into place only when complete. Without
    /// <paramref name="overwrite"/> an existing file is left as it is and the rename fails with an <see cref="IOException"/>.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, UnixFileMode? mode = null, bool overwrite = true)
    {
        // An empty name (--out "") is the caller's user to correct, as any path that cannot be written.
        if (string.IsNullOrWhiteSpace(path)) throw new IOException("the file name is empty");
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (mode is { } m && !OperatingSystem.IsWindows()) options.UnixCreateMode = m;
        try
        {
            await using (var stream = new FileStream(temp, options))
            {
                await write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite);
            DirectorySync.Flush(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e.Message.Contains(temp, StringComparison.Ordinal))
        {
            File.Delete(temp);
            throw Named(e, temp, full, dir);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The temporary name is Jaga's, not the user's: a failure names the file the user asked for, and says why a
    /// folder that exists (such as <c>/proc</c>) still failed.</summary>
    private static Exception Named(Exception e, string temp, string full, string dir)
    {
        var message = e is FileNotFoundException or DirectoryNotFoundException && Directory.Exists(dir)
            ? $"the folder {dir} does not accept new files ({full} is written as a new file beside it, then renamed into place)"
            : e.Message.Replace(temp, full, StringComparison.Ordinal);
        return e is UnauthorizedAccessException ? new UnauthorizedAccessException(message, e) : new IOException(message, e);
    }
}
