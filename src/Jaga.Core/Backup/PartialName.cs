using System.Security.Cryptography;

namespace Jaga.Core.Backup;

/// <summary>The temporary name an upload is written under in a folder (local, SFTP) until its commit renames it:
/// <c>.{name}.{8 hex}.jaga-partial</c>. Hidden, so other tools pass it by; recognisable, so a later run finds what a
/// killed one left and knows which object it was meant to become.</summary>
public static class PartialName
{
    public const string Suffix = ".jaga-partial";

    /// <summary>A fresh temporary name for <paramref name="name"/>; the random part keeps two uploads apart.</summary>
    public static string For(string name) => $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{Suffix}";

    public static bool Is(string fileName) => fileName.StartsWith('.') && fileName.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>".{name}.{8 hex}.jaga-partial" → name.</summary>
    public static string Intended(string partial)
    {
        var core = partial[1..^Suffix.Length];
        var dot = core.LastIndexOf('.');
        return dot > 0 ? core[..dot] : core;
    }
}
