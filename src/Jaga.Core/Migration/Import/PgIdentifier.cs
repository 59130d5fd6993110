using System.Security.Cryptography;
using System.Text;

namespace Jaga.Core.Migration.Import;

/// <summary>Names the import gives to what it creates (an index, a foreign key), within PostgreSQL's limit of 63 bytes
/// for a name (NAMEDATALEN − 1): a longer name keeps its first bytes (never half a character) and ends in 8 hex digits of
/// the SHA-256 of the whole name, so the same input always gives the same name and two long names stay apart.</summary>
public static class PgIdentifier
{
    public const int MaxBytes = 63;

    public static string Fit(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes) return name;
        var suffix = "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var budget = MaxBytes - suffix.Length;
        var end = 0;
        var used = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget) break;
            used += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }
        return name[..end] + suffix;
    }
}
