using System.Runtime.InteropServices;
using System.Text;

namespace Jaga.Engine.Files;

/// <summary>Makes a rename durable: fsync of the folder that holds the new name. .NET cannot open a folder as a file
/// (<see cref="File.OpenHandle"/> refuses one), so this asks libc: <c>open(O_RDONLY | O_DIRECTORY)</c>, <c>fsync</c>,
/// <c>close</c>.</summary>
public static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x86-64 and arm64)
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>Flushes <paramref name="dir"/>'s entries to disk; false when the folder could not be opened or synced
    /// (some file systems refuse), which callers accept: the rename itself happened.</summary>
    public static bool Flush(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (OperatingSystem.IsWindows()) return false;
        var fd = open(Encoding.UTF8.GetBytes(dir + "\0"), ReadOnly | Directory | CloseOnExec);
        if (fd < 0) return false;
        try
        {
            return fsync(fd) == 0;
        }
        finally
        {
            _ = close(fd);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code for the byte[] path; three calls, not worth it.
    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
