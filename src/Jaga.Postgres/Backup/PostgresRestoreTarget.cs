using Jaga.Core.Plan;
using System.Globalization;
using Jaga.Core.Ports;

namespace Jaga.Postgres.Backup;

/// <summary>Restores a PostgreSQL backup into the database at a URL: a plain dump through <c>psql</c>, a custom one
/// through <c>pg_restore</c>, each in one transaction that stops at the first error, so a failed restore leaves the
/// database as it was. A target made with <c>replace</c> has its contents dropped first, in that same transaction.</summary>
public sealed class PostgresRestoreTarget : IRestoreTarget
{
    private const int ShownTables = 20;

    private readonly PostgresUrl url;
    private readonly DumpFormat format;
    private readonly PgTools tools;
    private readonly bool replace;

    /// <summary>A target for the database at <paramref name="databaseUrl"/>, restoring artifacts of
    /// <paramref name="format"/> (<c>plain</c> or <c>custom</c>). Throws <see cref="FormatException"/> for a bad URL.
    /// With <paramref name="replace"/> (<c>restore --force</c>), what the database holds is dropped first, in the
    /// restore's own transaction: a dump recreates its objects and would fail on those that already exist.</summary>
    public PostgresRestoreTarget(string databaseUrl, DumpFormat format, PgTools? tools = null, bool replace = false)
        : this(PostgresUrl.Parse(databaseUrl), format, tools, replace)
    {
    }

    internal PostgresRestoreTarget(PostgresUrl url, DumpFormat format, PgTools? tools, bool replace = false)
    {
        this.url = url;
        this.format = format;
        this.tools = tools ?? PgTools.Default;
        this.replace = replace;
    }

    public string Description => url.Description;

    public async Task<TargetState> InspectAsync(CancellationToken ct = default)
    {
        var counts = await CountAsync(ct);
        var shown = counts.Take(ShownTables)
            .Select(t => $"{t.Key} ({t.Value.ToString("N0", CultureInfo.InvariantCulture)} rows)")
            .ToList();
        if (counts.Count > ShownTables) shown.Add($"… and {counts.Count - ShownTables} more tables");
        return new TargetState(counts.Count == 0, shown);
    }

    public async Task RestoreAsync(Stream plain, CancellationToken ct = default)
    {
        int major;
        await using (var c = await PostgresErrors.OpenAsync(url, ct))
            (_, major) = await PostgresSource.ServerVersionAsync(c, ct);
        var database = PgEnvironment.DatabaseOnly(url.Settings);
        // psql wraps every -c and -f in the one transaction of --single-transaction, so the clearing is undone with a failed restore.
        string[] clear = replace ? ["-c", PostgresClear.Sql] : [];
        string[] clean = replace ? ["--clean", "--if-exists"] : [];
        var (program, args) = format == DumpFormat.Plain
            ? ("psql", (string[])["-X", "-q", "-w", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", database, .. clear, "-f", "-"])
            : ("pg_restore", ["-Fc", "--no-owner", "--exit-on-error", "--single-transaction", .. clean, "-w", "-d", database]);
        var tool = await tools.FindAsync(program, major, ct);
        await PgProcess.RunFromAsync(tool, args, PgEnvironment.For(url.Settings), plain, url.Settings.Password, ct);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken ct = default)
    {
        await using var c = await PostgresErrors.OpenAsync(url, ct);
        try
        {
            return await PostgresTables.CountAsync(c, ct);
        }
        catch (Exception e) when (PostgresErrors.Explain(url, e) is { } explained)
        {
            throw explained;
        }
    }
}
