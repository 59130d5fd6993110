using System.Numerics;
using Jaga.Core.Migration;

namespace Jaga.Migration.Tests.Export;

public sealed class ContentHashTests
{
    private static readonly string?[][] Rows = [["1", "a", null], ["2", "", "x"], ["3", "b,\"c\"\n", "é"]];

    [Fact]
    public void The_same_rows_in_any_order_hash_the_same()
    {
        var forward = new ContentHash();
        foreach (var r in Rows) forward.Add(r);
        var backward = new ContentHash();
        foreach (var r in Rows.Reverse()) backward.Add(r);
        Assert.Equal(forward.Hex, backward.Hex);
        Assert.Equal(3, forward.Rows);
    }

    [Fact]
    public void A_changed_value_a_null_for_an_empty_string_or_a_missing_row_changes_the_hash()
    {
        var baseline = Hash(Rows);
        Assert.NotEqual(baseline, Hash([Rows[0], ["2", null, "x"], Rows[2]]));
        Assert.NotEqual(baseline, Hash([Rows[0], Rows[1]]));
        // Values are length-prefixed, so moving text from one column to the next is a different row.
        Assert.NotEqual(Convert.ToHexString(ContentHash.RowDigest(["ab", "c"])), Convert.ToHexString(ContentHash.RowDigest(["a", "bc"])));
    }

    [Fact]
    public void The_hash_is_the_sum_of_the_row_digests_modulo_two_to_the_256()
    {
        var expected = BigInteger.Zero;
        foreach (var r in Rows) expected += new BigInteger(ContentHash.RowDigest(r), isUnsigned: true, isBigEndian: true);
        expected %= BigInteger.One << 256;
        var bytes = expected.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(Convert.ToHexStringLower(new byte[32 - bytes.Length].Concat(bytes).ToArray()), Hash(Rows));
    }

    [Fact]
    public void No_rows_hash_to_zero() => Assert.Equal(new string('0', 64), new ContentHash().Hex);

    [Fact]
    public void A_row_digest_is_sha256_over_the_documented_encoding()
    {
        // 0x01, length 1 big-endian, "a", then 0x00 for NULL.
        var expected = System.Security.Cryptography.SHA256.HashData([1, 0, 0, 0, 1, (byte)'a', 0]);
        Assert.Equal(expected, ContentHash.RowDigest(["a", null]));
    }

    [Fact]
    public void Row_digests_are_sha256_over_the_encoding_at_every_length_through_either_path()
    {
        // Lengths across SHA-256's 64-byte blocks and its 55/56-byte padding edge, and one past NativeSha256.MaxLength,
        // which goes to .NET's hash instead of OpenSSL's low-level calls.
        foreach (var length in Enumerable.Range(0, 200).Append(NativeSha256.MaxLength).Append(NativeSha256.MaxLength + 1))
        {
            var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i % 26)));
            string?[] row = [text, null, "é"];
            var bytes = new List<byte> { 1 };
            bytes.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(length).Reverse() : BitConverter.GetBytes(length));
            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text));
            bytes.AddRange([0, 1, 0, 0, 0, 2, 0xC3, 0xA9]);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()), ContentHash.RowDigest(row));
        }
    }

    [Fact]
    public void OpenSSL_s_low_level_calls_are_used_on_linux_and_give_dotnet_s_digests()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(NativeSha256.Available, "libcrypto.so.3's SHA256_Init/_Update/_Final should load on Linux");
        var random = new Random(7);
        Span<byte> digest = stackalloc byte[32];
        for (var length = 0; length < 1000; length += 37)
        {
            var data = new byte[length];
            random.NextBytes(data);
            NativeSha256.Hash(data, digest);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), digest.ToArray());
        }
    }

    [Fact]
    public async Task Rows_hashed_on_several_threads_at_once_hash_as_on_one()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('x', i % 300), i % 3 == 0 ? null : "é" }).ToArray();
        var expected = Hash(rows);
        var hashes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Hash(rows))));
        Assert.All(hashes, h => Assert.Equal(expected, h));
    }

    private static string Hash(IEnumerable<string?[]> rows)
    {
        var h = new ContentHash();
        foreach (var r in rows) h.Add(r);
        return h.Hex;
    }
}
