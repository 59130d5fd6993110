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

    /// <summary>Checks a URL against the schemes allowed where it is written; returns the problem, or null.</summary>
    public static string? Check(string url, IReadOnlyCollection<string> schemes)
    {
        // The URL is quoted back in the message: never with its password.
        var password = Redaction.Redactor.PasswordOf(url);
        var shown = Redaction.Redactor.None.Redact(password is null ? url : url.Replace(password, Redaction.Redactor.Mask, StringComparison.Ordinal));
        var scheme = Scheme(url);
        if (scheme.Length == 0 || !schemes.Contains(scheme))
            return $"'{shown}' is not a {string.Join(", ", schemes.Select(s => s + (s == "sqlite" ? ":" : "://")))} URL";
        if (scheme == "sqlite")
            return url.Length > "sqlite:".Length ? null : "a sqlite: URL needs a file path, e.g. sqlite:data/app.db";
        if (HasBadPort(url)) return $"'{shown}' has an invalid port: a port is a number from 1 to 65535";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return $"'{shown}' is not a valid {scheme}:// URL (it needs a host)";
        if (scheme is "s3" && uri.Host.Length < 3)
            return "an s3:// URL names a bucket of at least 3 characters, e.g. s3://backups/jaga";
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
