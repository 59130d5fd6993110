namespace Jaga.Sftp;

/// <summary>What an <c>sftp://user[:password]@host[:port]/path</c> URL names. <see cref="Root"/> is the remote folder:
/// absolute as written (<c>/srv/backups</c>), or relative to the login folder when the path starts with <c>/~/</c>
/// (<c>sftp://u@h/~/backups</c> → <c>backups</c>), or the login folder itself when there is no path.</summary>
internal sealed record SftpTarget(string Host, int Port, string User, string? Password, string Root)
{
    public const int DefaultPort = 22;

    /// <summary>The URL without its password: safe for logs, messages and the dashboard.</summary>
    public string Description => $"sftp://{User}@{HostForUrl}:{Port}/{(Root.StartsWith('/') ? Root[1..] : "~/" + Root)}";

    /// <summary>The host as an <c>ssh</c> known_hosts file writes it: <c>host</c> on port 22, <c>[host]:port</c> otherwise.</summary>
    public string KnownHostsName => Port == DefaultPort ? Host.ToLowerInvariant() : $"[{Host.ToLowerInvariant()}]:{Port}";

    private string HostForUrl => Host.Contains(':') ? $"[{Host}]" : Host;

    /// <summary>Reads the URL; the error message never repeats the password.</summary>
    public static SftpTarget Parse(string url, Func<string, Exception> fail)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "sftp" || string.IsNullOrEmpty(uri.Host))
            throw fail("the sftp destination needs a URL like sftp://user@host:22/srv/backups");
        var userInfo = uri.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        if (user.Length == 0)
            throw fail($"the sftp URL names no user: write sftp://user@{uri.Host}{uri.AbsolutePath}");
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        var host = uri.Host.StartsWith('[') ? uri.Host[1..^1] : uri.Host;
        return new SftpTarget(host, port, user, string.IsNullOrEmpty(password) ? null : password, RootOf(Uri.UnescapeDataString(uri.AbsolutePath)));
    }

    private static string RootOf(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0 || trimmed == "/~") return "";
        // "/~/x" is the sftp URL convention for a folder under the login folder, which is where relative SFTP paths start.
        return trimmed.StartsWith("/~/", StringComparison.Ordinal) ? trimmed[3..] : trimmed;
    }
}
