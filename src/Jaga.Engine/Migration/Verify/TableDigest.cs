using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary>One side of one table in one pass: its rows, its content hash, and the same hash over each of
/// <see cref="Buckets"/> buckets of rows chosen by primary key, so two sides that differ can be narrowed to the few
/// buckets that differ without holding the table in memory.</summary>
internal sealed class TableDigest
{
    public const int Buckets = 1024;

    public ContentHash Whole { get; } = new();

    public ContentHash[] Bucket { get; } = Enumerable.Range(0, Buckets).Select(_ => new ContentHash()).ToArray();

    /// <summary>The bucket of a row: by its key's digest (the whole row when the table has no primary key).</summary>
    public static int BucketOf(string?[] values, int[] keyAt, byte[] rowDigest)
    {
        var key = keyAt.Length == 0 ? rowDigest : ContentHash.RowDigest(keyAt.Select(i => values[i]).ToArray());
        return ((key[0] << 8) | key[1]) % Buckets;
    }

    public void Add(string?[] values, int[] keyAt)
    {
        var digest = ContentHash.RowDigest(values);
        Whole.AddDigest(digest);
        Bucket[BucketOf(values, keyAt, digest)].AddDigest(digest);
    }

    /// <summary>The buckets whose rows differ between the two sides.</summary>
    public static IEnumerable<int> Differing(TableDigest a, TableDigest b) =>
        Enumerable.Range(0, Buckets).Where(i => a.Bucket[i].Rows != b.Bucket[i].Rows || a.Bucket[i].Hex != b.Bucket[i].Hex);
}
