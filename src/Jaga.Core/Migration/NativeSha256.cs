using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Jaga.Core.Migration;

/// <summary>SHA-256 of a short input through OpenSSL's low-level calls (<c>SHA256_Init</c>, <c>_Update</c>,
/// <c>_Final</c> of the system's libcrypto, the library .NET itself hashes with on Linux). .NET's hashes go through
/// OpenSSL 3's EVP layer, whose per-call set-up costs several times the hashing of a row's hundred bytes (about 0.5
/// against 0.1 µs, bench/migrate): the content hash takes one digest per row. Same algorithm, same digests; where the
/// library or the calls are missing, <see cref="Available"/> is false and the caller uses .NET's.</summary>
internal static class NativeSha256
{
    private const string Library = "libcrypto.so.3";

    /// <summary>Inputs longer than this go to .NET's hash: the calls here hold the garbage collector while they run.</summary>
    public const int MaxLength = 64 << 10;

    private static readonly Lazy<bool> Loaded = new(Probe);

    /// <summary>True when the calls are there and give .NET's digest for a known input.</summary>
    public static bool Available => Loaded.Value;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Library, typeof(NativeSha256).Assembly, null, out _)) return false;
        try
        {
            var input = "jaga row digest"u8;
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            return TryHash(input, digest) && digest.SequenceEqual(SHA256.HashData(input));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Writes the SHA-256 of <paramref name="data"/> (at most <see cref="MaxLength"/> bytes) into
    /// <paramref name="digest"/>; only when <see cref="Available"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (!TryHash(data, digest)) throw new CryptographicException("OpenSSL's SHA256 calls failed");
    }

    private static bool TryHash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (data.Length > MaxLength || digest.Length < SHA256.HashSizeInBytes) throw new ArgumentOutOfRangeException(nameof(data));
        var context = default(Context);
        return SHA256_Init(ref context) == 1
            && SHA256_Update(ref context, ref MemoryMarshal.GetReference(data), (nuint)data.Length) == 1
            && SHA256_Final(ref MemoryMarshal.GetReference(digest), ref context) == 1;
    }

    /// <summary>Room for OpenSSL's SHA256_CTX (112 bytes) and more.</summary>
    [InlineArray(32)]
    private struct Context
    {
        private ulong element;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the core for three calls.
    [DllImport(Library), SuppressGCTransition]
    private static extern int SHA256_Init(ref Context context);

    [DllImport(Library), SuppressGCTransition]
    private static extern int SHA256_Update(ref Context context, ref byte data, nuint length);

    [DllImport(Library), SuppressGCTransition]
    private static extern int SHA256_Final(ref byte digest, ref Context context);
#pragma warning restore SYSLIB1054
}
