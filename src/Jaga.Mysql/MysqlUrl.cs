using System.Globalization;
using MySqlConnector;

namespace Jaga.Mysql;

/// <summary>Reads a <c>mysql://user:password@host:port/database?ssl-mode=…</c> URL (or <c>mariadb://</c>) into a
/// MySqlConnector connection string. Errors never quote the URL, since it may hold a password.</summary>
/// <param name="Settings">The connection settings.</param>
/// <param name="Description">The server, user and database, without the password.</param>
public sealed record MysqlUrl(MySqlConnectionStringBuilder Settings, string Description)
{
    private static readonly string[] Schemes = ["mysql://", "mariadb://"];

    /// <summary>Parses <paramref name="url"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static MysqlUrl Parse(string url)
    {
        var scheme = Schemes.FirstOrDefault(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw new FormatException("a MySQL URL starts with mysql:// or mariadb://");
        var rest = url[scheme.Length..];
        var b = new MySqlConnectionStringBuilder();
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : rest[(question + 1)..];
        rest = question < 0 ? rest : rest[..question];
        // The last '@' ends the user part, so a password with an unencoded '@' still works.
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            b.UserID = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) b.Password = Decode(userInfo[(colon + 1)..]);
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? "" : Decode(rest[(slash + 1)..]);
        var portAt = authority.LastIndexOf(':');
        if (portAt > 0 && !authority.EndsWith(']'))
        {
            if (!uint.TryParse(authority[(portAt + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
                throw new FormatException("the MySQL URL's port is not a number from 1 to 65535");
            b.Port = port;
            authority = authority[..portAt];
        }
        b.Server = Decode(authority.Trim('[', ']'));
        if (b.Server.Length == 0) throw new FormatException("the MySQL URL names no host (write mysql://user@host:3306/database)");
        if (database.Length > 0) b.Database = database;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            try
            {
                b[key] = Decode(eq < 0 ? "" : pair[(eq + 1)..]);
            }
            catch (ArgumentException)
            {
                throw new FormatException($"the MySQL URL's parameter '{key}' is not a MySqlConnector connection option");
            }
        }
        var description = $"mysql://{(b.UserID.Length > 0 ? b.UserID + "@" : "")}{b.Server}:{b.Port}/{b.Database}";
        return new MysqlUrl(b, description);
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s);
}
