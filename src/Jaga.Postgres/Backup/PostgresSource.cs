using Jaga.Core.Plan;
using System.Data;
using Jaga.Core.Ports;
using Npgsql;

namespace Jaga.Postgres.Backup;

/// <summary>Backs up a PostgreSQL database with <c>pg_dump</c>, in plain SQL (<c>.sql</c>) or pg_dump's custom
/// format (<c>.dump</c>), and records each table's row count as of the very snapshot the dump reads.</summary>
/// <remarks>The counts and the dump share one snapshot: a read-only repeatable-read transaction exports it, counts in
/// it, and stays open while pg_dump reads it through <c>--snapshot</c>. So a restore can be checked row for row,
/// however busy the database was.</remarks>
public sealed class PostgresSource : IBackupSource
{
    private readonly PostgresUrl url;
    private readonly DumpFormat format;
    private readonly PgTools tools;

    /// <summary>A source for the database at <paramref name="databaseUrl"/> (<c>postgres://…</c>), dumped in
    /// <paramref name="format"/>: <c>plain</c> or <c>custom</c>. Throws <see cref="FormatException"/> for a bad URL.</summary>
    public PostgresSource(string databaseUrl, DumpFormat format, PgTools? tools = null)
    {
        url = PostgresUrl.Parse(databaseUrl);
        this.format = format;
        this.tools = tools ?? PgTools.Default;
    }

    public SourceKind Kind => SourceKind.Postgres;

    public string Extension => format == DumpFormat.Plain ? ".sql" : ".dump";

    /// <summary>Where the backup comes from, without the password.</summary>
    public string Description => url.Description;

    public async Task<SourceSnapshot> WriteAsync(Stream output, CancellationToken ct = default)
    {
        // pg_dump is asked its version while the connection opens (the search asks the same program first anyway).
        tools.Prefetch("pg_dump");
        await using var c = await PostgresErrors.OpenAsync(url, ct);
        var (version, major) = await ServerVersionAsync(c, ct);
        var pgDump = await tools.FindAsync("pg_dump", major, ct);
        try
        {
            await using var tx = await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", c, tx))
                await readOnly.ExecuteNonQueryAsync(ct);
            string snapshot;
            await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", c, tx))
                snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
            // A plain dump's rows are counted as it streams past (DumpRowCounter), which spares the server a second
            // scan of every table. A custom-format dump's are counted by the server, in the same snapshot, so at
            // the same time as the dump: that keeps the server busy while pg_dump's output is compressed.
            var counter = format == DumpFormat.Plain ? new DumpRowCounter() : null;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var target = counter is null ? output : new RowCountingStream(output, counter);
            var dump = PgProcess.RunToAsync(pgDump, DumpArguments(snapshot), PgEnvironment.For(url.Settings), target, url.Settings.Password, stop.Token);
            IReadOnlyDictionary<string, long>? tables = null;
            try
            {
                if (counter is null) tables = await PostgresTables.CountAsync(c, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                try
                {
                    await dump;
                }
                catch (Exception)
                {
                    // The counting's failure is the one to report.
                }
                throw;
            }
            await dump;
            // The tables the dump held no data for (none, unless pg_dump was told to skip some) are counted here.
            tables ??= await PostgresTables.CountAsync(c, counter!.Counts, ct);
            await tx.CommitAsync(ct);
            return new SourceSnapshot(version, new Dictionary<string, string> { ["pg_dump"] = pgDump.Version }, tables);
        }
        catch (Exception e) when (PostgresErrors.Explain(url, e) is { } explained)
        {
            throw explained;
        }
    }

    private IEnumerable<string> DumpArguments(string snapshot)
    {
        // Jaga compresses the stream itself, so pg_dump's custom format is asked for none (-Z0).
        string[] form = format == DumpFormat.Plain ? ["-Fp"] : ["-Fc", "-Z0"];
        return [.. form, "--snapshot=" + snapshot, "--no-password", "-d", PgEnvironment.DatabaseOnly(url.Settings)];
    }

    /// <summary>The server's version as people write it (<c>15.8</c>) and its major version.</summary>
    internal static async Task<(string Version, int Major)> ServerVersionAsync(NpgsqlConnection c, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('server_version_num')::int", c);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        // "15.8 (Debian 15.8-1.pgdg120+1)": the first word is the version.
        var version = r.GetString(0).Split(' ', 2)[0];
        return (version, r.GetInt32(1) / 10000);
    }
}
