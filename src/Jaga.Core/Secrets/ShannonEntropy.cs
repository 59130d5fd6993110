namespace Jaga.Core.Secrets;

/// <summary>Shannon entropy in bits per character: how unpredictable a string's characters are. "aaaa" has 0,
/// "password" about 2.75, a random 40-character base64 token about 5.</summary>
public static class ShannonEntropy
{
    public static double Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return 0;
        var counts = new Dictionary<char, int>();
        foreach (var c in text) counts[c] = counts.GetValueOrDefault(c) + 1;
        double entropy = 0;
        foreach (var n in counts.Values)
        {
            var p = (double)n / text.Length;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }
}
