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
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return $"'{shown}' is not a valid {scheme}:// URL (it needs a host)";
        if (scheme is "s3" && uri.Host.Length < 3)
            return "an s3:// URL names a bucket of at least 3 characters, e.g. s3://backups/jaga";
        return null;
    }
}
