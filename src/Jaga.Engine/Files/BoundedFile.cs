using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Jaga.Engine.Files;

/// <summary>Reads a small file the user names (an anchor, a plan) only when it is a regular file under a size limit: a FIFO
/// would block the read forever and <c>/dev/zero</c> would fill memory. Files under <c>/proc</c> report a size of 0 but
/// have content, so the limit is enforced on the bytes read, never on the size the file claims.</summary>
/// <remarks>Lives in the engine, not the core: the core does no I/O.</remarks>
public static class BoundedFile
{
    // Linux's open(2) flags (the same on x86-64 and arm64): a FIFO opened without O_NONBLOCK waits for a writer.
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    /// <summary>The text of <paramref name="path"/> (UTF-8), at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="IOException">Not found, a folder, a pipe or device, larger than the limit, or unreadable; the
    /// message names <paramref name="path"/> and the reason.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to read it.</exception>
    public static string ReadAllText(string path, long maxBytes)
    {
        if (Directory.Exists(path)) throw new IOException($"{path} is a folder, not a file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found", path);
        using var stream = Open(path);
        if (!stream.CanSeek) throw new IOException($"{path} is not a regular file (a pipe, a socket or a device)");
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length));
            if (n == 0) break;
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes) throw new IOException($"{path} is larger than {Size(maxBytes)}, the most Jaga reads of such a file (is it the right file?)");
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new IOException($"{path} is not text (it is not valid UTF-8)");
        }
    }

    private static FileStream Open(string path)
    {
        if (!OperatingSystem.IsLinux()) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var fd = OpenNative(path, ReadOnly | NonBlocking | CloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // EACCES and EPERM are a permission problem; anything else is the file's.
            if (errno is 13 or 1) throw new UnauthorizedAccessException($"{path}: permission denied");
            throw new IOException($"{path} cannot be opened: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which no project here allows.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
