namespace Jaga.Core.Secrets;

/// <summary>Shannon entropy in bits per character: how unpredictable a string's characters are. "aaaa" has 0,
/// "password" about 2.75, a random 40-character base64 token about 5.</summary>
public static class ShannonEntropy
{
    public static double Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        // Secrets are nearly always ASCII: count those in a table, the rest (rare) in a dictionary.
        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in text)
        {
            if (c < 128) ascii[c]++;
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }
        double entropy = 0;
        foreach (var n in ascii) entropy -= Term(n, text.Length);
        if (other is not null) foreach (var n in other.Values) entropy -= Term(n, text.Length);
        return entropy;
    }

    private static double Term(int count, int length)
    {
        if (count == 0) return 0;
        var p = (double)count / length;
        return p * Math.Log2(p);
    }
}
