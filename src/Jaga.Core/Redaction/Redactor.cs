using System.Text.RegularExpressions;

namespace Jaga.Core.Redaction;

/// <summary>Removes secrets from any text before it is printed, logged or stored.</summary>
/// <remarks>Two rules: every value known to be secret (from env files, credential keys) is replaced
/// by <c>***</c>, and the password part of any <c>scheme://user:password@host</c> URL or
/// <c>Password=…</c> connection string is replaced, whether or not it was known.</remarks>
public sealed partial class Redactor
{
    public const string Mask = "***";

    private readonly string[] secrets;

    public Redactor(IEnumerable<string> secrets)
    {
        // Longest first so that a secret containing another is masked whole; very short values
        // (like "1" or "on") would mask innocent text and are not credentials anyway.
        this.secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    public static Redactor None { get; } = new([]);

    public int Count => secrets.Length;

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var result = UrlPassword().Replace(text, "${pre}" + Mask + "@");
        result = KeyValuePassword().Replace(result, "${key}=" + Mask);
        foreach (var s in secrets)
            if (result.Contains(s, StringComparison.Ordinal)) result = result.Replace(s, Mask, StringComparison.Ordinal);
        return result;
    }

    public IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> data) =>
        data.ToDictionary(kv => kv.Key, kv => Redact(kv.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"(?<pre>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)(?!\*\*\*@)[^@\s/]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passphrase|secret|token)\b)\s*=\s*(?!\*\*\*)[^;\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
