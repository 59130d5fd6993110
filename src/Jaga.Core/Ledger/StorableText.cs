using System.Text;

namespace Jaga.Core.Ledger;

/// <summary>Replaces what a text column cannot hold with U+FFFD before an entry is sealed, so the entry
/// returned, the entry stored and its hash all agree.</summary>
/// <remarks>SQLite holds U+0000 but PostgreSQL's text does not, and SQLite reads an unpaired surrogate (invalid
/// UTF-16) back as U+FFFD, so the entry it returned differed from the entry it stored. The canonical form already
/// hashes an unpaired surrogate as U+FFFD. Applied by <see cref="AuditEntry.Seal"/>, so every store keeps the same
/// text and a chain can move from one store to another.</remarks>
internal static class StorableText
{
    private const char Replacement = '\uFFFD';

    public static AuditDraft Clean(AuditDraft d)
    {
        if (IsClean(d.Actor) && IsClean(d.Kind) && IsClean(d.Message) && IsClean(d.Line) && d.Data.All(kv => IsClean(kv.Key) && IsClean(kv.Value)))
            return d;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in d.Data) data[Clean(k)] = Clean(v);
        return d with { Actor = Clean(d.Actor), Kind = Clean(d.Kind), Message = Clean(d.Message), Line = Clean(d.Line), Data = data };
    }

    private static bool IsClean(string s) => !s.Contains('\0', StringComparison.Ordinal) && s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0;

    private static string Clean(string s)
    {
        if (IsClean(s)) return s;
        var b = new StringBuilder(s.Length);
        // Enumerating runes turns each unpaired surrogate into U+FFFD and keeps proper pairs.
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.Value == 0) b.Append(Replacement);
            else b.Append(rune.ToString());
        }
        return b.ToString();
    }
}
