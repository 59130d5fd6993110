using System.Globalization;
using Npgsql;

namespace Jaga.Postgres;

/// <summary>Reads a <c>postgres://user:password@host:port/database?sslmode=…</c> URL (or <c>postgresql://</c>)
/// into an Npgsql connection string, and describes it without its password.</summary>
/// <remarks>Plans name databases by URL, as libpq does; Npgsql only takes key=value connection strings.
/// Errors never quote the URL itself, since it may hold a password.</remarks>
public sealed record PostgresUrl(NpgsqlConnectionStringBuilder Settings, string Description)
{
    private static readonly string[] Schemes = ["postgres://", "postgresql://"];

    /// <summary>The query parameters understood, with libpq's names.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name", "options",
        "host", "port", "user", "password", "dbname",
    ];

    /// <summary>Parses <paramref name="url"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PostgresUrl Parse(string url)
    {
        var scheme = Schemes.FirstOrDefault(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException("a PostgreSQL URL starts with postgres:// or postgresql://");
        var rest = url[scheme.Length..];
        var b = new NpgsqlConnectionStringBuilder();

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : rest[(question + 1)..];
        rest = question < 0 ? rest : rest[..question];
        // The last '@' ends the user part, so a password with an unencoded '@' or '/' still works.
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) b.Password = Decode(userInfo[(colon + 1)..]);
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? "" : Decode(rest[(slash + 1)..]);
        SetHostAndPort(b, authority);
        if (database.Length > 0) b.Database = database;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            Apply(b, key, Decode(eq < 0 ? "" : pair[(eq + 1)..]));
        }
        if (string.IsNullOrEmpty(b.Host))
            throw new FormatException("the PostgreSQL URL names no host (write postgres://user@host:5432/database)");
        return new PostgresUrl(b, Describe(b));
    }

    /// <summary>The same server, user and settings, connected to <paramref name="database"/> instead.</summary>
    public PostgresUrl WithDatabase(string database)
    {
        var b = new NpgsqlConnectionStringBuilder(Settings.ConnectionString) { Database = database };
        return new PostgresUrl(b, Describe(b));
    }

    private static void SetHostAndPort(NpgsqlConnectionStringBuilder b, string authority)
    {
        if (authority.Length == 0) return;
        if (authority.Contains(',', StringComparison.Ordinal))
            throw new FormatException("a PostgreSQL URL with several hosts is not supported; name one host");
        string host;
        var port = "";
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new FormatException("the IPv6 address in the PostgreSQL URL has no closing ']'");
            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0 && !after.StartsWith(':')) throw new FormatException("unexpected text after the IPv6 address in the PostgreSQL URL");
            port = after.TrimStart(':');
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? "" : authority[(colon + 1)..];
        }
        b.Host = Decode(host);
        if (port.Length > 0) b.Port = Port(port);
    }

    private static void Apply(NpgsqlConnectionStringBuilder b, string key, string value)
    {
        switch (key)
        {
            case "sslmode": b.SslMode = SslMode(value); break;
            case "sslrootcert": b.RootCertificate = value; break;
            case "sslcert": b.SslCertificate = value; break;
            case "sslkey": b.SslKey = value; break;
            case "connect_timeout": b.Timeout = Number(key, value); break;
            case "application_name": b.ApplicationName = value; break;
            case "options": b.Options = value; break;
            case "host": b.Host = value; break;
            case "port": b.Port = Port(value); break;
            case "user": b.Username = value; break;
            case "password": b.Password = value; break;
            case "dbname": b.Database = value; break;
            default:
                // A key that is not a plain word may be part of a password with an unencoded '?': never echo it.
                var name = key.All(c => char.IsAsciiLetterLower(c) || c == '_') ? $"'{key}'" : "a parameter";
                throw new FormatException($"the PostgreSQL URL has {name} that is not known; known: {string.Join(", ", Parameters)}");
        }
    }

    private static SslMode SslMode(string value) => value switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "prefer" => Npgsql.SslMode.Prefer,
        "require" => Npgsql.SslMode.Require,
        "verify-ca" => Npgsql.SslMode.VerifyCA,
        "verify-full" => Npgsql.SslMode.VerifyFull,
        // The value is not quoted back: in a URL whose password holds '?', it may be part of the password.
        _ => throw new FormatException("sslmode is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new FormatException("the port in the PostgreSQL URL is not a number from 1 to 65535");

    private static int Number(string key, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{key} in the PostgreSQL URL is not a whole number");

    private static string Decode(string s) => Uri.UnescapeDataString(s);

    private static string Describe(NpgsqlConnectionStringBuilder b)
    {
        var user = string.IsNullOrEmpty(b.Username) ? "" : Uri.EscapeDataString(b.Username) + (string.IsNullOrEmpty(b.Password) ? "" : ":***") + "@";
        var host = b.Host!.Contains(':', StringComparison.Ordinal) ? $"[{b.Host}]" : b.Host;
        return $"postgres://{user}{host}:{b.Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(b.Database ?? "")}";
    }
}
