using System.Runtime.InteropServices;
using System.Text;
using Jaga.Core.Errors;

namespace Jaga.Engine.Files;

/// <summary>Reads a file the user names as input (the plan, an env file, a key file): only a regular file, and only up to a
/// limit. A FIFO named as the plan would block the open forever, and <c>/dev/zero</c> would be read until memory runs out;
/// both are refused with a message naming the path.</summary>
public static partial class InputFile
{
    /// <summary>The largest plan Jaga reads: real plans are a few KiB.</summary>
    public const int PlanLimit = 1 << 20;

    /// <summary>The largest env file Jaga reads.</summary>
    public const int EnvFileLimit = 1 << 20;

    /// <summary>The largest small file of another kind (a key, an identity, an anchor).</summary>
    public const int SmallFileLimit = 1 << 20;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text (a byte order mark is honoured), or null when nothing is there.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limit">The most bytes accepted; a larger file is refused.</param>
    /// <param name="what">What the file is, for messages: "plan", "env file".</param>
    /// <exception cref="UserException">The path is a folder, a FIFO, a device or a socket, is larger than
    /// <paramref name="limit"/>, or cannot be read.</exception>
    public static string? ReadText(string path, int limit, string what)
    {
        if (ReadBytes(path, limit, what) is not { } bytes) return null;
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reads <paramref name="path"/> as bytes, or null when nothing is there; refused as <see cref="ReadText"/> says.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limit">The most bytes accepted; a larger file is refused.</param>
    /// <param name="what">What the file is, for messages.</param>
    public static byte[]? ReadBytes(string path, int limit, string what)
    {
        if (Directory.Exists(path)) throw new UserException($"the {what} {path} is a folder, not a file", $"give the path of the {what} itself");
        if (!File.Exists(path)) return null;
        if (Kind(path) is { } kind) throw new UserException($"the {what} {path} is {kind}, not a regular file", $"give the path of a regular file as the {what}");
        byte[] buffer;
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            (buffer, length) = ReadAtMost(stream, limit + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"cannot read the {what} {path}: {e.Message}", "check the file's permissions", e);
        }
        if (length > limit)
            throw new UserException($"the {what} {path} is larger than {Size(limit)}", $"a {what} is a few KiB; check that this is the right file");
        return buffer.AsSpan(0, length).ToArray();
    }

    private static (byte[] Buffer, int Length) ReadAtMost(Stream stream, int most)
    {
        var buffer = new byte[Math.Min(most, 64 * 1024)];
        var length = 0;
        while (length < most)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, most));
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return (buffer, length);
    }

    private static string Size(int bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes:N0} bytes";

    /// <summary>What a path is when it is not a regular file ("a FIFO (named pipe)"), following symbolic links; null for a
    /// regular file, and where the kind cannot be told (not Linux). .NET tells folders from files only, and opening a
    /// FIFO to look blocks: statx(2) tells the kind without opening, and its layout is the same on every architecture.</summary>
    internal static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode (offset 28).
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a folder",
            _ => "a special file",
        };
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
