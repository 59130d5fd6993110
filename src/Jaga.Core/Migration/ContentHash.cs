using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Jaga.Core.Migration;

/// <summary>A table's canonical content hash, computed while streaming in constant memory: the sum of the rows' digests
/// as 256-bit big-endian numbers, modulo 2^256, so the same rows give the same hash in any order
/// (<c>docs/migration.md</c>).</summary>
public sealed class ContentHash
{
    // The sum as four 64-bit limbs, most significant first.
    private readonly ulong[] sum = new ulong[4];

    /// <summary>The rows added so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Adds a row given by its canonical values (<see cref="CanonicalValue"/>) in column order.</summary>
    public void Add(IReadOnlyList<string?> canonicalValues)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        RowDigest(canonicalValues, digest);
        AddDigest(digest);
    }

    /// <summary>Adds a row given by its digest (<see cref="RowDigest(IReadOnlyList{string?})"/>).</summary>
    public void AddDigest(ReadOnlySpan<byte> digest)
    {
        ulong carry = 0;
        for (var limb = 3; limb >= 0; limb--)
        {
            var part = BinaryPrimitives.ReadUInt64BigEndian(digest.Slice(limb * 8, 8));
            var s = sum[limb] + part;
            var c1 = s < part ? 1UL : 0UL;
            var s2 = s + carry;
            var c2 = s2 < s ? 1UL : 0UL;
            sum[limb] = s2;
            carry = c1 + c2;
        }
        Rows++;
    }

    /// <summary>The hash, 64 lower-case hex digits.</summary>
    public string Hex
    {
        get
        {
            Span<byte> bytes = stackalloc byte[32];
            for (var limb = 0; limb < 4; limb++) BinaryPrimitives.WriteUInt64BigEndian(bytes.Slice(limb * 8, 8), sum[limb]);
            return Convert.ToHexStringLower(bytes);
        }
    }

    /// <summary>A row's digest: SHA-256 over its values, each as <c>0x00</c> for NULL, or <c>0x01</c>, the 4-byte
    /// big-endian length of its UTF-8 bytes, and those bytes.</summary>
    public static byte[] RowDigest(IReadOnlyList<string?> canonicalValues)
    {
        var digest = new byte[SHA256.HashSizeInBytes];
        RowDigest(canonicalValues, digest);
        return digest;
    }

    // Per thread, reused from row to row: the row's bytes need no pool, and where OpenSSL's low-level calls are missing
    // (NativeSha256) an incremental hash reset after each row costs less than a one-shot hash, which sets up and frees
    // OpenSSL's digest context on every call (bench/migrate).
    [ThreadStatic] private static IncrementalHash? rowHash;
    [ThreadStatic] private static byte[]? rowBytes;

    /// <summary>Writes a row's digest (<see cref="RowDigest(IReadOnlyList{string?})"/>) into <paramref name="digest"/>:
    /// the row's bytes are laid out in one buffer and hashed at once, which costs a fraction of an incremental hash per
    /// value.</summary>
    public static void RowDigest(IReadOnlyList<string?> canonicalValues, Span<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(canonicalValues);
        var size = 0;
        foreach (var value in canonicalValues) size += value is null ? 1 : 5 + Encoding.UTF8.GetMaxByteCount(value.Length);
        var bytes = rowBytes;
        if (bytes is null || bytes.Length < size) rowBytes = bytes = new byte[Math.Max(size, 1024)];
        var at = 0;
        foreach (var value in canonicalValues)
        {
            if (value is null)
            {
                bytes[at++] = 0;
                continue;
            }
            var length = Encoding.UTF8.GetBytes(value, bytes.AsSpan(at + 5));
            bytes[at] = 1;
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at + 1, 4), length);
            at += 5 + length;
        }
        if (at <= NativeSha256.MaxLength && NativeSha256.Available)
        {
            NativeSha256.Hash(bytes.AsSpan(0, at), digest);
        }
        else
        {
            var hash = rowHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(bytes, 0, at);
            hash.GetHashAndReset(digest);
        }
        // A very long row's buffer is not kept for the thread's life.
        if (bytes.Length > 1 << 20) rowBytes = null;
    }
}
