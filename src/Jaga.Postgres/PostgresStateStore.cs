using System.Data;
using System.Runtime.CompilerServices;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Jaga.Postgres;

/// <summary>The state store for several nodes: one PostgreSQL database. Appends take a transaction-scoped
/// advisory lock before reading the head, so writers on any number of hosts serialise and never fork the chain.</summary>
public sealed class PostgresStateStore : IStateStore
{
    // pg_advisory_xact_lock keys ("Jaga" in ASCII, then a purpose). Advisory locks are per database,
    // so the two stores of two databases on one server never wait for each other.
    private const long AppendLock = 0x4A61_6761_0001;
    private const long MigrationLock = 0x4A61_6761_0002;

    private const string Columns = "seq, time, actor, kind, level, message, line, data, prev, hash";
    private const int ReadPageSize = 2_000;

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;
    private readonly StoreGuard guard;

    private PostgresStateStore(NpgsqlDataSource dataSource, string description, TimeProvider clock)
    {
        this.dataSource = dataSource;
        this.clock = clock;
        Description = description;
        // Every port of the store is behind one guard: a server that cannot be reached, or a connection that broke, leaves
        // as StoreUnavailableException.
        guard = new StoreGuard(description, PostgresFailures.Unavailable);
        Backups = new GuardedBackupCatalog(new PostgresBackupCatalog(dataSource), guard);
        Runs = new GuardedJobRuns(new PostgresJobRuns(dataSource), guard);
        Nodes = new GuardedNodeRegistry(new PostgresNodeRegistry(dataSource), guard);
        Pings = new GuardedHeartbeatPings(new PostgresHeartbeatPings(dataSource), guard);
        Checks = new GuardedCheckHistory(new PostgresCheckHistory(dataSource), guard);
        Runbooks = new GuardedRunbookRuns(new PostgresRunbookRuns(dataSource), guard);
        Incidents = new GuardedIncidents(new PostgresIncidents(dataSource), guard);
        Drills = new GuardedDrills(new PostgresDrills(dataSource), guard);
        Security = new GuardedSecurityFindings(new PostgresSecurityFindings(dataSource), guard);
        Changes = new GuardedChangeRecords(new PostgresChangeRecords(dataSource), guard);
        Checklist = new GuardedChecklistAcks(new PostgresChecklistAcks(dataSource), guard);
        Users = new GuardedDashboardUsers(new PostgresDashboardUsers(dataSource), guard);
        Tokens = new GuardedApiTokens(new PostgresApiTokens(dataSource), guard);
    }

    public string Description { get; }

    public bool Shared => true;

    public IBackupCatalog Backups { get; }

    public IJobRuns Runs { get; }

    public INodeRegistry Nodes { get; }

    public IHeartbeatPings Pings { get; }

    public ICheckHistory Checks { get; }

    public IRunbookRuns Runbooks { get; }

    public IIncidents Incidents { get; }

    public IDrills Drills { get; }

    public ISecurityFindings Security { get; }

    public IChangeRecords Changes { get; }

    public IChecklistAcks Checklist { get; }

    public IDashboardUsers Users { get; }

    public IApiTokens Tokens { get; }

    /// <summary>Connects to the database named by <paramref name="connectionUrl"/> (<c>postgres://</c> or
    /// <c>postgresql://</c>) and applies pending migrations.</summary>
    public static async Task<PostgresStateStore> OpenAsync(string connectionUrl, TimeProvider clock, CancellationToken ct = default)
    {
        var url = PostgresUrl.Parse(connectionUrl);
        var dataSource = NpgsqlDataSource.Create(url.Settings);
        var store = new PostgresStateStore(dataSource, url.Description, clock);
        try
        {
            await store.guard.Run(() => store.MigrateAsync(ct));
            return store;
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        // Without the lock, two processes opening a new database at once would both create jaga_schema.
        await Exec(c, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})", ct);
        await SchemaMigrator.MigrateAsync(PostgresMigrations.All, new PostgresSchemaSession(c, tx), clock, ct);
        await tx.CommitAsync(ct);
    }

    public Task<IReadOnlyList<AppliedMigration>> MigrationsAsync(CancellationToken ct = default) => guard.Run<IReadOnlyList<AppliedMigration>>(async () =>
    {
        await using var q = dataSource.CreateCommand("SELECT version, name, applied_at FROM jaga_schema ORDER BY version");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<AppliedMigration>();
        while (await r.ReadAsync(ct))
            list.Add(new AppliedMigration(r.GetInt32(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        return list;
    });

    public async Task<AuditEntry> AppendAsync(AuditDraft draft, CancellationToken ct = default) =>
        (await AppendBatchAsync([draft], ct))[0];

    public Task<IReadOnlyList<AuditEntry>> AppendBatchAsync(IReadOnlyList<AuditDraft> drafts, CancellationToken ct = default) => guard.Run<IReadOnlyList<AuditEntry>>(async () =>
    {
        if (drafts.Count == 0) return [];
        await using var c = await dataSource.OpenConnectionAsync(ct);
        // Read committed gives each statement a fresh snapshot: the head is read after the lock is held,
        // so it includes every append committed before. (Repeatable read would see the head as of the lock wait.)
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var (seq, prev) = await LockAndReadHeadAsync(c, tx, ct);
        // One row costs one round trip as an INSERT but three as a COPY; many rows are far faster by COPY.
        var entries = drafts.Count == 1
            ? [await InsertAsync(c, tx, AuditEntry.Seal(drafts[0], seq + 1, prev), ct)]
            : await CopyAsync(c, drafts, seq, prev, ct);
        await tx.CommitAsync(ct);
        return entries;
    });

    private static async Task<(long Seq, string Prev)> LockAndReadHeadAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AppendLock})"),
                new NpgsqlBatchCommand("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"),
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.NextResultAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetInt64(0), r.GetString(1)) : (0, AuditEntry.Genesis);
    }

    private static async Task<AuditEntry> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, AuditEntry e, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand($"INSERT INTO audit ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", c, tx);
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.Seq });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = e.Time });
        foreach (var text in new[] { e.Actor, e.Kind, e.Level.ToText(), e.Message, e.Line, AuditData.ToJson(e.Data), e.Prev, e.Hash })
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        await insert.ExecuteNonQueryAsync(ct);
        return e;
    }

    /// <summary>Seals the drafts after entry <paramref name="seq"/> as it writes them: the server stores
    /// the rows already sent while the next ones are hashed.</summary>
    private static async Task<List<AuditEntry>> CopyAsync(
        NpgsqlConnection c, IReadOnlyList<AuditDraft> drafts, long seq, string prev, CancellationToken ct)
    {
        var entries = new List<AuditEntry>(drafts.Count);
        await using var copy = await c.BeginBinaryImportAsync($"COPY audit ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var d in drafts)
        {
            var e = AuditEntry.Seal(d, ++seq, prev);
            entries.Add(e);
            prev = e.Hash;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(e.Seq, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(e.Time, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(e.Actor, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Kind, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Level.ToText(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Message, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Line, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(AuditData.ToJson(e.Data), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Prev, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(e.Hash, NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
        return entries;
    }

    public Task<AuditEntry?> HeadAsync(CancellationToken ct = default) => guard.Run<AuditEntry?>(async () =>
    {
        await using var q = dataSource.CreateCommand($"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1");
        await using var r = await q.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    });

    /// <summary>Entries from <paramref name="fromSeq"/> on, behind the store's guard.</summary>
    public IAsyncEnumerable<AuditEntry> ReadAsync(long fromSeq = 1, CancellationToken ct = default) => guard.Run(ReadUnguardedAsync(fromSeq, ct), ct);

    private async IAsyncEnumerable<AuditEntry> ReadUnguardedAsync(long fromSeq, [EnumeratorCancellation] CancellationToken ct)
    {
        // Page by page rather than one query: a reader that stops early (a verifier at the first problem)
        // would otherwise make Npgsql drain every remaining row, and no connection is held while the
        // caller works. Appends commit one after another, so consecutive pages never skip an entry.
        var page = new List<AuditEntry>(ReadPageSize);
        while (true)
        {
            page.Clear();
            await using (var q = dataSource.CreateCommand($"SELECT {Columns} FROM audit WHERE seq >= $1 ORDER BY seq LIMIT {ReadPageSize}"))
            {
                q.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSeq });
                await using var r = await q.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                while (await r.ReadAsync(ct)) page.Add(Read(r));
            }
            foreach (var e in page) yield return e;
            if (page.Count < ReadPageSize) yield break;
            fromSeq = page[^1].Seq + 1;
        }
    }

    public Task<LogPage> QueryAsync(LogQuery query, CancellationToken ct = default) => guard.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(query);
        long head;
        {
            await using var h = dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM audit");
            // The head bounds every window, so a --before far above it does not walk down through empty windows.
            head = (long)(await h.ExecuteScalarAsync(ct))!;
        }
        var floor = LogQueryText.Floor(query, head);
        // Under the "C" collation lower() changes ASCII letters only, as LogQuery.Needle does, whatever the database's locale.
        await using var q = dataSource.CreateCommand(LogQueryText.Select(query, Columns, '@', "time", needle => $"strpos(lower(message COLLATE \"C\"), {needle}) > 0"));
        q.Parameters.Add(new NpgsqlParameter<long>(LogQueryText.BeforeParameter, LogQueryText.Ceiling(query, head)));
        q.Parameters.Add(new NpgsqlParameter<long>(LogQueryText.FloorParameter, floor));
        if (query.From is { } from) q.Parameters.Add(new NpgsqlParameter<DateTimeOffset>(LogQueryText.FromParameter, LogQueryText.Bound(from)));
        if (query.Until is { } until) q.Parameters.Add(new NpgsqlParameter<DateTimeOffset>(LogQueryText.UntilParameter, LogQueryText.Bound(until)));
        if (query.Needle is { } text) q.Parameters.Add(new NpgsqlParameter<string>(LogQueryText.TextParameter, text));
        await using var r = await q.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var rows = new List<AuditEntry>(query.PageSize + 1);
        while (await r.ReadAsync(ct)) rows.Add(Read(r));
        return LogQueryText.Page(query, floor, rows);
    });

    public Task SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken ct = default) => guard.Run(async () =>
    {
        await using var q = dataSource.CreateCommand("INSERT INTO checkpoints (seq, head, time, key_id, signature) VALUES ($1, $2, $3, $4, $5)");
        q.Parameters.Add(new NpgsqlParameter<long> { TypedValue = checkpoint.Seq });
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checkpoint.Head });
        // Milliseconds, as SQLite keeps them and as the signed statement writes them.
        q.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = AuditEntry.ToMilliseconds(checkpoint.Time) });
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checkpoint.KeyId });
        q.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checkpoint.Signature });
        await q.ExecuteNonQueryAsync(ct);
    });

    public Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(CancellationToken ct = default) => guard.Run<IReadOnlyList<Checkpoint>>(async () =>
    {
        await using var q = dataSource.CreateCommand("SELECT seq, head, time, key_id, signature FROM checkpoints ORDER BY id");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<Checkpoint>();
        while (await r.ReadAsync(ct))
            list.Add(new Checkpoint(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetString(4)));
        return list;
    });

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static AuditEntry Read(NpgsqlDataReader r)
    {
        // Columns are read in order, as CommandBehavior.SequentialAccess requires.
        var seq = r.GetInt64(0);
        DateTimeOffset time;
        try
        {
            time = r.GetFieldValue<DateTimeOffset>(1);
        }
        catch (InvalidCastException)
        {
            // 'infinity' and other times no entry can have (tampered): a value no hash matches.
            time = DateTimeOffset.MinValue;
        }
        var actor = r.GetString(2);
        var kind = r.GetString(3);
        var level = SeverityText.FromStored(r.GetString(4));
        var message = r.GetString(5);
        var line = r.GetString(6);
        var data = AuditData.FromJson(r.GetString(7));
        return new AuditEntry(seq, time, actor, kind, level, message, line, data, r.GetString(8), r.GetString(9));
    }

    private static async Task Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
