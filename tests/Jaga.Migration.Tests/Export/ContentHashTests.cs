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

    private static string Hash(IEnumerable<string?[]> rows)
    {
        var h = new ContentHash();
        foreach (var r in rows) h.Add(r);
        return h.Hex;
    }
}
