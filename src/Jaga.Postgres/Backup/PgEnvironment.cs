using System.Globalization;
using System.Text;
using Npgsql;

namespace Jaga.Postgres.Backup;

/// <summary>How the libpq programs are told where to connect: through PG* environment variables, so that the
/// password is never on a command line, where every user of the machine could read it in the process list.</summary>
internal static class PgEnvironment
{
    public static IReadOnlyDictionary<string, string> For(NpgsqlConnectionStringBuilder b)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = b.Host ?? "",
            ["PGPORT"] = b.Port.ToString(CultureInfo.InvariantCulture),
            ["PGSSLMODE"] = SslMode(b.SslMode),
            // The same patience as Npgsql's, so both sides of a backup give up alike on an unreachable server.
            ["PGCONNECT_TIMEOUT"] = b.Timeout.ToString(CultureInfo.InvariantCulture),
        };
        Set(env, "PGUSER", b.Username);
        Set(env, "PGPASSWORD", b.Password);
        Set(env, "PGDATABASE", b.Database);
        Set(env, "PGSSLROOTCERT", b.RootCertificate);
        Set(env, "PGSSLCERT", b.SslCertificate);
        Set(env, "PGSSLKEY", b.SslKey);
        Set(env, "PGOPTIONS", b.Options);
        env["PGAPPNAME"] = string.IsNullOrEmpty(b.ApplicationName) ? "jaga" : b.ApplicationName;
        return env;
    }

    /// <summary>A libpq connection string naming only the database (for <c>-d</c>), quoted so that no name can
    /// smuggle in other settings; the rest comes from the environment. A URL without a database means the one named
    /// after the user, as for Npgsql and libpq.</summary>
    public static string DatabaseOnly(NpgsqlConnectionStringBuilder b)
    {
        var database = string.IsNullOrEmpty(b.Database) ? b.Username ?? Environment.UserName : b.Database;
        var quoted = new StringBuilder("dbname='");
        foreach (var c in database)
        {
            if (c is '\'' or '\\') quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.Append('\'').ToString();
    }

    private static void Set(Dictionary<string, string> env, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) env[key] = value;
    }

    private static string SslMode(SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
