namespace Jaga.Postgres.Backup;

/// <summary>One PostgreSQL client program found on this machine: <c>pg_dump</c>, <c>pg_restore</c> or <c>psql</c>.</summary>
/// <param name="Program">The program's name, e.g. <c>pg_dump</c>.</param>
/// <param name="Path">Where it is.</param>
/// <param name="Version">What <c>--version</c> said, e.g. <c>15.8</c>.</param>
/// <param name="Major">The major version, e.g. 15.</param>
public sealed record PgTool(string Program, string Path, string Version, int Major);
