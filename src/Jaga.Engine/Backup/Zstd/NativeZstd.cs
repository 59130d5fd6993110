using System.Runtime.InteropServices;

namespace Jaga.Engine.Backup.Zstd;

/// <summary>The few functions of the system's libzstd (Debian's <c>libzstd1</c>, the library the <c>zstd</c> command
/// uses) that streaming compression needs. The managed port (ZstdSharp) took about three times the CPU of the native
/// library on a pgbench dump (docs/benchmarks.md, Step 11), so backups compress natively when the library is there and
/// fall back to the port when it is not: both write standard zstd frames.</summary>
internal static partial class NativeZstd
{
    private const string Library = "libzstd.so.1";

    // ZSTD_cParameter and ZSTD_EndDirective values from zstd.h (stable API since 1.4.0).
    internal const int CompressionLevel = 100;
    internal const int Continue = 0;
    internal const int End = 2;

    private static readonly Lazy<bool> Loaded = new(Probe);

    /// <summary>True when libzstd 1.4 or newer can be loaded: the streaming API used here is stable from 1.4.0 on.</summary>
    public static bool Available => Loaded.Value;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Library, typeof(NativeZstd).Assembly, null, out _)) return false;
        try
        {
            return ZSTD_versionNumber() >= 10400;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Throws when <paramref name="code"/> is one of libzstd's error codes; returns it otherwise.</summary>
    public static nuint Check(nuint code, string what)
    {
        if (ZSTD_isError(code) == 0) return code;
        var name = Marshal.PtrToStringAnsi(ZSTD_getErrorName(code)) ?? "unknown error";
        throw new IOException($"zstd {what} failed: {name}");
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct Buffer
    {
        public nint Data;
        public nuint Size;
        public nuint Pos;
    }

    [LibraryImport(Library)]
    internal static partial uint ZSTD_versionNumber();

    [LibraryImport(Library)]
    internal static partial nint ZSTD_createCCtx();

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_freeCCtx(nint cctx);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_CCtx_setParameter(ZstdContext cctx, int parameter, int value);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_compressStream2(ZstdContext cctx, ref Buffer output, ref Buffer input, int endOp);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_CStreamOutSize();

    [LibraryImport(Library)]
    internal static partial uint ZSTD_isError(nuint code);

    [LibraryImport(Library)]
    internal static partial nint ZSTD_getErrorName(nuint code);
}
