using System.Text;

namespace Jaga.Engine.Files;

/// <summary>Writes a file so that a crash leaves either the old content or the new, never half: temp name, flush to disk, rename.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null) =>
        WriteAsync(path, s =>
        {
            s.Write(Encoding.UTF8.GetBytes(text));
            return Task.CompletedTask;
        }, mode).GetAwaiter().GetResult();

    /// <summary>Streams content into the file under a temporary name; renamed into place only when complete.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, UnixFileMode? mode = null)
    {
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
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
