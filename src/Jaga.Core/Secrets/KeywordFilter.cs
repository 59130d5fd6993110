using System.Buffers;
using System.Collections.Concurrent;

namespace Jaga.Core.Secrets;

/// <summary>Which rules may run on a text: those without keywords, and those with one of their keywords in it
/// (case-insensitive, gitleaks' keyword test). Each pass over the text looks for a dozen keywords at once.</summary>
/// <remarks>A keyword found leaves the set, and so do the other keywords of the rules it lets run, so the common words
/// (<c>token</c>, <c>password</c>: on most lines of the benchmark's tree) are met once and the generic rule's dozen
/// keywords are no longer looked for; the rest of the text is read once per dozen rare ones. (One set of all 47 of
/// Jaga's rare keywords searched at 250 MB/s, sets of 12 at 2.5 to 5 GB/s each: .NET's vectorized multi-string search
/// slows down past a few buckets' worth.) The search sets met are kept (one per combination of keywords still needed,
/// usually a handful in a scan). One <c>IndexOf</c> per keyword with
/// <see cref="StringComparison.OrdinalIgnoreCase"/>, as before, was 5 times slower in all: with invariant globalization
/// (the CLI's setting), .NET compares character by character there instead of with vector instructions.</remarks>
internal sealed class KeywordFilter
{
    /// <summary>Sets kept at most; beyond, a set is made for each use.</summary>
    private const int CacheLimit = 512;

    /// <summary>Keywords looked for in one pass.</summary>
    private const int PerPass = 12;

    private readonly int ruleCount;
    private readonly bool[] free;
    private readonly string[] keywords;
    private readonly int[][] rulesOf;
    private readonly ConcurrentDictionary<string, SearchValues<string>> sets = new(StringComparer.Ordinal);

    /// <param name="keywordsOfRules">Each rule's keywords, in the rule set's order.</param>
    public KeywordFilter(IReadOnlyList<IReadOnlyList<string>> keywordsOfRules)
    {
        ruleCount = keywordsOfRules.Count;
        // A rule without keywords, or with an empty one (found in any text), always runs.
        free = [.. keywordsOfRules.Select(k => k.Count == 0 || k.Any(w => w.Length == 0))];
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var rule = 0; rule < ruleCount; rule++)
        {
            if (free[rule]) continue;
            foreach (var word in keywordsOfRules[rule])
            {
                if (!byKeyword.TryGetValue(word, out var list)) byKeyword[word] = list = [];
                if (!list.Contains(rule)) list.Add(rule);
            }
        }
        keywords = [.. byKeyword.Keys];
        rulesOf = [.. keywords.Select(k => byKeyword[k].ToArray())];
    }

    /// <summary>Whether each rule may run on <paramref name="text"/>, by the rule's index.</summary>
    public bool[] In(ReadOnlySpan<char> text)
    {
        var runs = (bool[])free.Clone();
        var remaining = new List<int>(PerPass);
        for (var first = 0; first < keywords.Length; first += PerPass)
        {
            remaining.Clear();
            for (var k = first; k < Math.Min(first + PerPass, keywords.Length); k++)
                if (!rulesOf[k].All(rule => runs[rule])) remaining.Add(k);
            Pass(text, remaining, runs);
        }
        return runs;
    }

    /// <summary>Marks the rules that the keywords in <paramref name="remaining"/> let run.</summary>
    private void Pass(ReadOnlySpan<char> text, List<int> remaining, bool[] runs)
    {
        var pos = 0;
        while (remaining.Count > 0 && pos < text.Length)
        {
            var at = text[pos..].IndexOfAny(Set(remaining));
            if (at < 0) break;
            pos += at;
            var here = text[pos..];
            foreach (var k in remaining)
                if (here.StartsWith(keywords[k], StringComparison.OrdinalIgnoreCase))
                    foreach (var rule in rulesOf[k]) runs[rule] = true;
            remaining.RemoveAll(k => rulesOf[k].All(rule => runs[rule]));
            pos++;
        }
    }

    private SearchValues<string> Set(List<int> remaining)
    {
        var key = string.Create(remaining.Count, remaining, static (span, r) =>
        {
            for (var i = 0; i < r.Count; i++) span[i] = (char)r[i];
        });
        if (sets.TryGetValue(key, out var set)) return set;
        set = SearchValues.Create([.. remaining.Select(i => keywords[i])], StringComparison.OrdinalIgnoreCase);
        if (sets.Count < CacheLimit) sets.TryAdd(key, set);
        return set;
    }
}
