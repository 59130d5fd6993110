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
        this.secrets = secrets.SelectMany(Parts).Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>A secret URL with a password is hidden by its password alone, so its host and database stay readable.</summary>
    private static IEnumerable<string> Parts(string secret) => PasswordOf(secret) is { } password ? [password, Uri.UnescapeDataString(password)] : [secret];

    /// <summary>The password of <c>scheme://user:password@host…</c>, up to the last '@' (passwords may contain '@' and '/'); null when there is none.</summary>
    public static string? PasswordOf(string url)
    {
        var secret = url;
        var at = secret.LastIndexOf('@');
        var scheme = secret.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || at < scheme) return null;
        var userinfo = secret[(scheme + 3)..at];
        var colon = userinfo.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || secret.AsSpan(at).ContainsAny(' ', '\n')) return null;
        var password = userinfo[(colon + 1)..];
        return password.Length == 0 ? null : password;
    }

    public static Redactor None { get; } = new([]);

    /// <summary>This redactor and <paramref name="more"/> secrets: a runbook run masks the values its steps resolved
    /// (<c>ResolvedText.Secrets</c>) as well as the plan's.</summary>
    public Redactor With(IEnumerable<string> more)
    {
        var added = more.Where(s => s.Length >= 4 && !secrets.Contains(s, StringComparer.Ordinal)).ToList();
        return added.Count == 0 ? this : new Redactor(secrets.Concat(added));
    }

    public int Count => secrets.Length;

    /// <summary>The length of the longest known secret (0 when none): text cut into pieces keeps this many characters of
    /// one piece for the next, so a secret is never split across two pieces that are masked apart.</summary>
    public int LongestSecret => secrets.Length == 0 ? 0 : secrets[0].Length;

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // Known secrets first (longest first), while they are still whole; then anything that looks like a password.
        var result = text;
        foreach (var secret in secrets)
            if (result.Contains(secret, StringComparison.Ordinal)) result = result.Replace(secret, Mask, StringComparison.Ordinal);
        result = UrlPassword().Replace(result, "${pre}" + Mask + "@");
        result = KeyValuePassword().Replace(result, "${key}=" + Mask);
        return result;
    }

    public IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, string> data) =>
        data.ToDictionary(kv => kv.Key, kv => Redact(kv.Value), StringComparer.Ordinal);

    // The fallback for passwords nobody declared: conservative, since a '/' or '@' may belong to a path.
    // Declared secrets (env files, secret keys of the plan) are masked whole before this runs.
    [GeneratedRegex(@"(?<pre>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)[^@\s/]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passphrase|secret|token)\b)\s*=\s*(?!\*\*\*)[^;\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
