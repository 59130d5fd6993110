using System.Buffers;
using System.Collections.Concurrent;

namespace Jaga.Core.Secrets;

/// <summary>Which of a rule set's keywords occur in a text (case-insensitive, gitleaks' keyword test), in one pass that
/// looks for all the keywords not yet found at once.</summary>
/// <remarks>Each keyword found leaves the set, so the common words (<c>token</c>, <c>password</c>: on most lines of the
/// benchmark's tree) are each met once, and the rest of the text is read once for the rare ones. The sets met are kept
/// (one per combination of keywords still looked for, usually a handful in a scan). One <c>IndexOf</c> per keyword with
/// <see cref="StringComparison.OrdinalIgnoreCase"/>, as before, was 5 times slower in all: with invariant globalization
/// (the CLI's setting), .NET compares character by character there instead of with vector instructions.</remarks>
internal sealed class KeywordFilter
{
    /// <summary>Sets kept at most; beyond, a set is made for each use.</summary>
    private const int CacheLimit = 512;

    private readonly string[] keywords;
    private readonly bool hasEmpty;
    private readonly ConcurrentDictionary<string, SearchValues<string>> sets = new(StringComparer.Ordinal);

    public KeywordFilter(IEnumerable<string> keywords)
    {
        var distinct = keywords.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        hasEmpty = distinct.Any(k => k.Length == 0);
        this.keywords = [.. distinct.Where(k => k.Length > 0)];
    }

    /// <summary>The keywords in <paramref name="text"/>.</summary>
    public HashSet<string> In(ReadOnlySpan<char> text)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (hasEmpty) present.Add("");
        var remaining = new List<int>(keywords.Length);
        for (var i = 0; i < keywords.Length; i++) remaining.Add(i);
        var pos = 0;
        while (remaining.Count > 0 && pos < text.Length)
        {
            var at = text[pos..].IndexOfAny(Set(remaining));
            if (at < 0) break;
            pos += at;
            var here = text[pos..];
            for (var j = remaining.Count - 1; j >= 0; j--)
            {
                if (!here.StartsWith(keywords[remaining[j]], StringComparison.OrdinalIgnoreCase)) continue;
                present.Add(keywords[remaining[j]]);
                remaining.RemoveAt(j);
            }
            pos++;
        }
        return present;
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
