using Jaga.Core.Messages;

namespace Jaga.Core.Plan.Values;

/// <summary>The URLs a plan names: databases, object stores, SFTP servers and web endpoints.</summary>
public static class PlanUrl
{
    public static readonly string[] Database = ["postgres", "postgresql", "sqlite", "mysql", "mariadb"];
    public static readonly string[] Web = ["http", "https"];

    public static string Scheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? "" : url[..colon].ToLowerInvariant();
    }

    /// <summary>Checks a URL against the schemes allowed where it is written; returns the problem as a catalog phrase, or null.</summary>
    public static Phrase? Check(string url, IReadOnlyCollection<string> schemes)
    {
        // The URL is quoted back in the message: never with its password.
        var password = Redaction.Redactor.PasswordOf(url);
        var shown = Redaction.Redactor.None.Redact(password is null ? url : url.Replace(password, Redaction.Redactor.Mask, StringComparison.Ordinal));
        var scheme = Scheme(url);
        if (scheme.Length == 0 || !schemes.Contains(scheme))
            return new Phrase("plan.error.url.scheme", [shown, string.Join(", ", schemes.Select(s => s + (s == "sqlite" ? ":" : "://")))]);
        if (scheme == "sqlite")
            return url.Length > "sqlite:".Length ? null : new Phrase("plan.error.url.sqlite");
        if (HasBadPort(url)) return new Phrase("plan.error.url.port", [shown]);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return new Phrase("plan.error.url.host", [shown, scheme]);
        if (scheme is "s3" && uri.Host.Length < 3)
            return new Phrase("plan.error.url.bucket");
        return null;
    }

    /// <summary>The authority's port, when one is written (<c>host:99999</c>, <c>host:abc</c>, <c>host:</c>), is not 1 to
    /// 65535. .NET's URI parser refuses such a URL as a whole, which would be said as a missing host.</summary>
    private static bool HasBadPort(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0) return false;
        var authority = url[(start + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0) authority = authority[..end];
        // The user part may hold ':' (user:password); the host follows the last '@'.
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var close = authority.IndexOf(']', StringComparison.Ordinal);
        if (authority.StartsWith('[') && close < 0) return false;
        var colon = authority.IndexOf(':', authority.StartsWith('[') ? close : 0);
        if (colon < 0) return false;
        var port = authority[(colon + 1)..];
        // "host:" with no port is the scheme's default, as in any URL.
        if (port.Length == 0) return false;
        // An unresolved ${VAR} is reported as missing by the interpolation, not here.
        if (port.Contains("${", StringComparison.Ordinal)) return false;
        return !(port.Length <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 65536);
    }
}
