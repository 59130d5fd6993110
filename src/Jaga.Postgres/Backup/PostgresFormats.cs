namespace Jaga.Postgres.Backup;

/// <summary>The dump formats a PostgreSQL backup can take: <c>plain</c> SQL for psql, or pg_dump's <c>custom</c> format for pg_restore.</summary>
public static class PostgresFormats
{
    public const string Plain = "plain";
    public const string Custom = "custom";

    /// <summary>Returns <paramref name="format"/> when it is known; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static string Check(string format) => format is Plain or Custom
        ? format
        : throw new ArgumentException($"unknown PostgreSQL dump format '{format}'; use plain or custom", nameof(format));
}
