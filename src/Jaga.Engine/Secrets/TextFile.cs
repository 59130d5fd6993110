using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Jaga.Engine.Secrets;

/// <summary>Reads one file for a scan, or says why not: not a regular file (a FIFO would block the open, a device might
/// never end), larger than the limit, or binary (a NUL byte in the first 8 KiB, git's own test).</summary>
internal static class TextFile
{
    private const int SniffLength = 8192;

    public sealed record Read(string? Text, long Bytes, SkipReason? Skip, string Detail);

    public static async Task<Read> ReadAsync(string path, long maxSize, CancellationToken ct)
    {
        SafeFileHandle handle;
        try
        {
            handle = Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Read(null, 0, SkipReason.Unreadable, e.Message);
        }
        using (handle)
        {
            await using var stream = new FileStream(handle, FileAccess.Read, 0);
            // A FIFO or a socket cannot seek; a regular file and the devices that read as one (/dev/zero) can, and the
            // bounded read below stops the latter.
            if (!stream.CanSeek) return new Read(null, 0, SkipReason.NotRegular, "a FIFO, socket or terminal");
            var length = stream.Length;
            // Beyond the largest array, a file cannot be held whatever the limit says.
            if (length > maxSize || length >= Array.MaxLength) return new Read(null, 0, SkipReason.TooLarge, Size(length));
            // One byte more than the file says it holds: a device or a file that grows while read shows itself by filling it.
            // The buffer is pooled: a scan reads thousands of files, and a new one each time kept the collector busy. What
            // it held is wiped before it goes back, so no other reader of the pool sees a file's secrets.
            var wanted = (int)length + 1;
            var buffer = ArrayPool<byte>.Shared.Rent(wanted);
            var filled = 0;
            try
            {
                try
                {
                    int n;
                    while (filled < wanted && (n = await stream.ReadAsync(buffer.AsMemory(filled, wanted - filled), ct)) > 0) filled += n;
                }
                catch (IOException e)
                {
                    return new Read(null, 0, SkipReason.Unreadable, e.Message);
                }
                if (filled > length) return new Read(null, 0, SkipReason.NotRegular, "a device, or a file growing while read");
                if (buffer.AsSpan(0, Math.Min(filled, SniffLength)).Contains((byte)0)) return new Read(null, 0, SkipReason.Binary, Size(filled));
                return new Read(Encoding.UTF8.GetString(buffer, 0, filled), filled, null, "");
            }
            finally
            {
                buffer.AsSpan(0, filled).Clear();
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    internal static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";

    /// <summary>Opens without blocking: on Linux with <c>O_NONBLOCK</c>, which makes opening a FIFO that has no writer
    /// return at once instead of waiting for one (.NET's own open would wait).</summary>
    private static SafeFileHandle Open(string path)
    {
        if (!OperatingSystem.IsLinux()) return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;
        var fd = OpenNative(path, ReadOnlyNonBlockingCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 13 ? new UnauthorizedAccessException($"{path}: permission denied") : new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static int OpenNative(string path, int flags)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        return open(bytes, flags);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the project for one call.
    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);
#pragma warning restore SYSLIB1054
}
