namespace Jaga.Testing;

/// <summary>Where the PostgreSQL server programs are: on PATH, else the highest version under /usr/lib/postgresql.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl, string Postgres)
{
    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public static PostgresBinaries Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        // Debian keeps initdb and pg_ctl out of PATH, in one folder per major version.
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
            : [];
        foreach (var dir in path.Concat(versioned))
        {
            var found = Programs.Select(p => Path.Combine(dir, p)).ToArray();
            if (found.All(File.Exists)) return new PostgresBinaries(found[0], found[1], found[2]);
        }
        throw new InvalidOperationException(
            "These tests start a real PostgreSQL server, but initdb, pg_ctl and postgres were found neither on PATH nor in " +
            "/usr/lib/postgresql/*/bin. Install the Debian package 'postgresql' (apt-get install postgresql) and run the tests again.");
    }
}
