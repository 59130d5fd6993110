namespace Jaga.Core.Migration;

/// <summary>How a table or column of the export is found among the target's, by the import and by verify alike: the name
/// exactly as it is first; else the one name that differs from it only in case (PostgreSQL folds unquoted names to lower
/// case, SQLite and MySQL keep them as written). Two or more names that differ from it only in case, and none exactly, is
/// ambiguous: no guess is made.</summary>
public static class NameMatch
{
    /// <summary>Finds <paramref name="name"/> among <paramref name="candidates"/>, named by <paramref name="nameOf"/>.</summary>
    public static NameMatch<T> Find<T>(string name, IEnumerable<T> candidates, Func<T, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(nameOf);
        var folded = new List<T>();
        foreach (var c in candidates)
        {
            var n = nameOf(c);
            if (string.Equals(n, name, StringComparison.Ordinal)) return new NameMatch<T>(c, true, []);
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) folded.Add(c);
        }
        return folded.Count == 1
            ? new NameMatch<T>(folded[0], true, [])
            : new NameMatch<T>(default, false, [.. folded.Select(nameOf).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Finds a name among names.</summary>
    public static NameMatch<string> Find(string name, IEnumerable<string> names) => Find(name, names, n => n);
}

/// <summary>What <see cref="NameMatch.Find{T}"/> found.</summary>
/// <param name="Match">The one match; default when none.</param>
/// <param name="Found">True when there is one match.</param>
/// <param name="Ambiguous">The names that differ only in case when there are two or more and none is exact; otherwise empty.</param>
public readonly record struct NameMatch<T>(T? Match, bool Found, IReadOnlyList<string> Ambiguous)
{
    /// <summary>True when two or more names match ignoring case and none exactly.</summary>
    public bool IsAmbiguous => Ambiguous.Count > 1;
}
