using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary>Compares one table on two sides: a first pass of counts, hashes and bucket hashes on each side; when they
/// differ, a second pass that keeps only the rows of a few differing buckets (by key) to name sample keys. Memory stays
/// bounded by the buckets (32 KiB a side) and at most <see cref="MostKept"/> rows a side.</summary>
internal static class TableCompare
{
    private const int MostBuckets = 4;
    private const int MostKept = 50_000;
    private const int MostSamples = 5;

    /// <summary>Compares <paramref name="table"/> of the source with <paramref name="there"/>, the same table as the target
    /// names it and its columns (<see cref="NameMatch"/>), read with the source's types; sample keys use the source's names.</summary>
    public static async Task<TableComparison> RunAsync(IVerifySide source, IVerifySide target, SourceTable table, SourceTable there,
        Action<string, long> progress, CancellationToken ct)
    {
        var keyAt = table.PrimaryKey.Select(k => table.Columns.ToList().FindIndex(c => c.Name == k)).ToArray();
        if (keyAt.Any(i => i < 0)) keyAt = [];
        var a = await DigestAsync(source, table, keyAt, rows => progress("source", rows), ct);
        var b = await DigestAsync(target, there, keyAt, rows => progress("target", rows), ct);
        if (a.Whole.Rows == b.Whole.Rows && a.Whole.Hex == b.Whole.Hex)
            return new TableComparison(table.Name, a.Whole.Rows, b.Whole.Rows, a.Whole.Hex, b.Whole.Hex, [], null);
        var buckets = TableDigest.Differing(a, b).Take(MostBuckets).ToHashSet();
        var left = await KeepAsync(source, table, table, keyAt, buckets, ct);
        var right = await KeepAsync(target, there, table, keyAt, buckets, ct);
        var samples = new List<string>();
        foreach (var (key, digest) in left.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!right.TryGetValue(key, out var other)) samples.Add($"{key} (only in source)");
            else if (other != digest) samples.Add($"{key} (changed)");
            if (samples.Count >= MostSamples) break;
        }
        foreach (var key in right.Keys.Where(k => !left.ContainsKey(k)).Order(StringComparer.Ordinal).Take(MostSamples - samples.Count))
            samples.Add($"{key} (only in target)");
        return new TableComparison(table.Name, a.Whole.Rows, b.Whole.Rows, a.Whole.Hex, b.Whole.Hex, samples, null);
    }

    private static async Task<TableDigest> DigestAsync(IVerifySide side, SourceTable table, int[] keyAt, Action<long> progress, CancellationToken ct)
    {
        var digest = new TableDigest();
        await foreach (var values in side.RowsAsync(table.Name, table.Columns, ct))
        {
            digest.Add(values, keyAt);
            if (digest.Whole.Rows % 10_000 == 0) progress(digest.Whole.Rows);
        }
        progress(digest.Whole.Rows);
        return digest;
    }

    /// <summary>The rows of <paramref name="buckets"/>, by key (by digest when there is no key), each with its digest.
    /// Duplicate rows of a keyless table are counted apart (<c>#2</c>).</summary>
    private static async Task<Dictionary<string, string>> KeepAsync(IVerifySide side, SourceTable read, SourceTable table, int[] keyAt,
        HashSet<int> buckets, CancellationToken ct)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var values in side.RowsAsync(read.Name, read.Columns, ct))
        {
            var digest = ContentHash.RowDigest(values);
            if (!buckets.Contains(TableDigest.BucketOf(values, keyAt, digest))) continue;
            var hex = Convert.ToHexStringLower(digest);
            var key = keyAt.Length == 0
                ? $"row {hex[..12]}"
                : string.Join(", ", keyAt.Select(i => $"{table.Columns[i].Name}={values[i] ?? "NULL"}"));
            if (keyAt.Length == 0)
                for (var n = 2; kept.ContainsKey(key); n++) key = $"row {hex[..12]} #{n}";
            else if (kept.ContainsKey(key)) continue;
            kept[key] = hex;
            if (kept.Count >= MostKept) break;
        }
        return kept;
    }
}
