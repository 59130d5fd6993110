namespace Jaga.Backup.Tests.Integration;

/// <summary>Plans for the integration tests: the seed's header (Indonesian log), then destinations and jobs.</summary>
internal static class Plans
{
    public const string LocalOnly = """
        destinations:
          local: { path: backup/ }
        """;

    public static string Of(string destinations, string jobs) => $"""
        version: 1
        project: toko
        timezone: Asia/Jakarta
        language: id
        log: {"{"} file: logs/maintenance.log {"}"}
        env_files: [.env]
        {destinations}
        backup:
        {jobs}
        """;

    /// <summary>A PostgreSQL job named <c>db</c> writing <c>db_{date}</c>, compressed with zstd, plus <paramref name="extra"/> lines.</summary>
    public static string PostgresJob(string to, params string[] extra) => string.Join('\n', new[]
    {
        "  - name: db",
        "    source: { postgres: \"${DATABASE_URL}\" }",
        "    schedule: \"0 2 * * *\"",
        $"    to: [{to}]",
        "    file: \"db_{date}\"",
        "    compress: zstd",
    }.Concat(extra.Select(e => "    " + e)));
}
