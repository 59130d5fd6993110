namespace Jaga.Core.Text;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Similarity
{
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // A suggestion further than a third of the word away is noise, not help.
        var limit = Math.Max(2, word.Length / 3);
        var lower = word.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            // The distance is at least the difference in length: skip those without computing it, so a pasted 10 MB
            // value is not compared (with a matrix of its length) to every known word.
            if (Math.Abs(word.Length - candidate.Length) > limit) continue;
            var d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                // A swap of neighbours counts as one edit: "shedule"/"schedlue" are common slips.
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
