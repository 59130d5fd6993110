using System.Runtime.CompilerServices;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The default state store: one SQLite file in WAL mode. Appends take SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>), so processes sharing the file serialise and never fork the chain.</summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly string connectionString;
    private readonly TimeProvider clock;
    private readonly StoreGuard guard;

    private SqliteStateStore(string path, TimeProvider clock)
    {
        Path = path;
        this.clock = clock;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        // Every port of the store is behind one guard: SQLite's busy, locked and I/O failures leave as StoreUnavailableException.
        guard = new StoreGuard(Description, SqliteFailures.Unavailable, e => SqliteFailures.UserError(e, path));
        Backups = new GuardedBackupCatalog(new SqliteBackupCatalog(ConnectAsync), guard);
        Runs = new GuardedJobRuns(new SqliteJobRuns(ConnectAsync), guard);
        Nodes = new GuardedNodeRegistry(new SqliteNodeRegistry(ConnectAsync), guard);
        Pings = new GuardedHeartbeatPings(new SqliteHeartbeatPings(ConnectAsync), guard);
        Checks = new GuardedCheckHistory(new SqliteCheckHistory(ConnectAsync), guard);
        Runbooks = new GuardedRunbookRuns(new SqliteRunbookRuns(ConnectAsync), guard);
        Incidents = new GuardedIncidents(new SqliteIncidents(ConnectAsync), guard);
        Drills = new GuardedDrills(new SqliteDrills(ConnectAsync), guard);
        Security = new GuardedSecurityFindings(new SqliteSecurityFindings(ConnectAsync), guard);
        Changes = new GuardedChangeRecords(new SqliteChangeRecords(ConnectAsync), guard);
        Checklist = new GuardedChecklistAcks(new SqliteChecklistAcks(ConnectAsync), guard);
        Users = new GuardedDashboardUsers(new SqliteDashboardUsers(ConnectAsync), guard);
        Tokens = new GuardedApiTokens(new SqliteApiTokens(ConnectAsync), guard);
    }

    public string Path { get; }

    public string Description => $"sqlite:{Path}";

    public bool Shared => false;

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

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static async Task<SqliteStateStore> OpenAsync(string path, TimeProvider clock, CancellationToken ct = default)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var store = new SqliteStateStore(path, clock);
        await store.guard.Run(() => store.MigrateAsync(ct));
        return store;
    }

    private volatile bool walSet;

    private async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        using var pragma = c.CreateCommand();
        // WAL is a property of the database file, set once when the store opens (MigrateAsync); the rest are per connection.
        pragma.CommandText = walSet ? "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON;"
            : "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(ct);
        walSet = true;
        return c;
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var c = await ConnectAsync(ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        await SchemaMigrator.MigrateAsync(SqliteMigrations.All, new SqliteSchemaSession(c, tx), clock, ct);
        await tx.CommitAsync(ct);
    }

    public Task<IReadOnlyList<AppliedMigration>> MigrationsAsync(CancellationToken ct = default) => guard.Run<IReadOnlyList<AppliedMigration>>(async () =>
    {
        await using var c = await ConnectAsync(ct);
        using var q = Command(c, null, "SELECT version, name, applied_at FROM jaga_schema ORDER BY version");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<AppliedMigration>();
        while (await r.ReadAsync(ct))
            list.Add(new AppliedMigration(r.GetInt32(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2))));
        return list;
    });

    public async Task<AuditEntry> AppendAsync(AuditDraft draft, CancellationToken ct = default) =>
        (await AppendBatchAsync([draft], ct))[0];

    public Task<IReadOnlyList<AuditEntry>> AppendBatchAsync(IReadOnlyList<AuditDraft> drafts, CancellationToken ct = default) => guard.Run<IReadOnlyList<AuditEntry>>(async () =>
    {
        await using var c = await ConnectAsync(ct);
        // BEGIN IMMEDIATE: the write lock is taken before the head is read, so no other writer can slip in between.
        await using var tx = c.BeginTransaction(deferred: false);
        var (seq, prev) = (0L, AuditEntry.Genesis);
        using (var head = Command(c, tx, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        await using (var r = await head.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct)) (seq, prev) = (r.GetInt64(0), r.GetString(1));

        using var insert = Command(c, tx,
            "INSERT INTO audit (seq, time_ms, actor, kind, level, message, line, data, prev, hash) VALUES ($seq, $time, $actor, $kind, $level, $message, $line, $data, $prev, $hash)");
        var p = new[] { "$seq", "$time", "$actor", "$kind", "$level", "$message", "$line", "$data", "$prev", "$hash" }
            .Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        var sealedEntries = new List<AuditEntry>(drafts.Count);
        foreach (var d in drafts)
        {
            var e = AuditEntry.Seal(d, ++seq, prev);
            p[0].Value = e.Seq;
            p[1].Value = e.Time.ToUnixTimeMilliseconds();
            p[2].Value = e.Actor;
            p[3].Value = e.Kind;
            p[4].Value = e.Level.ToText();
            p[5].Value = e.Message;
            p[6].Value = e.Line;
            p[7].Value = AuditData.ToJson(e.Data);
            p[8].Value = e.Prev;
            p[9].Value = e.Hash;
            await insert.ExecuteNonQueryAsync(ct);
            sealedEntries.Add(e);
            prev = e.Hash;
        }
        await tx.CommitAsync(ct);
        return sealedEntries;
    });

    public Task<AuditEntry?> HeadAsync(CancellationToken ct = default) => guard.Run<AuditEntry?>(async () =>
    {
        await using var c = await ConnectAsync(ct);
        using var q = Command(c, null, $"SELECT {Columns} FROM audit ORDER BY seq DESC LIMIT 1");
        await using var r = await q.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? Read(r) : null;
    });

    /// <summary>Entries from <paramref name="fromSeq"/> on, behind the store's guard.</summary>
    public IAsyncEnumerable<AuditEntry> ReadAsync(long fromSeq = 1, CancellationToken ct = default) => guard.Run(ReadUnguardedAsync(fromSeq, ct), ct);

    private async IAsyncEnumerable<AuditEntry> ReadUnguardedAsync(long fromSeq, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await ConnectAsync(ct);
        using var q = Command(c, null, $"SELECT {Columns} FROM audit WHERE seq >= $from ORDER BY seq");
        q.Parameters.AddWithValue("$from", fromSeq);
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) yield return Read(r);
    }

    public Task<LogPage> QueryAsync(LogQuery query, CancellationToken ct = default) => guard.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await ConnectAsync(ct);
        long head;
        {
            using var h = Command(c, null, "SELECT coalesce(max(seq), 0) FROM audit");
            // The head bounds every window, so a --before far above it does not walk down through empty windows.
            head = (long)(await h.ExecuteScalarAsync(ct))!;
        }
        var floor = LogQueryText.Floor(query, head);
        // SQLite's lower() changes ASCII letters only, as LogQuery.Needle does.
        using var q = Command(c, null, LogQueryText.Select(query, Columns, '$', "time_ms", needle => $"instr(lower(message), {needle}) > 0"));
        Add(q, "$" + LogQueryText.BeforeParameter, LogQueryText.Ceiling(query, head));
        Add(q, "$" + LogQueryText.FloorParameter, floor);
        if (query.From is { } from) Add(q, "$" + LogQueryText.FromParameter, LogQueryText.Bound(from).ToUnixTimeMilliseconds());
        if (query.Until is { } until) Add(q, "$" + LogQueryText.UntilParameter, LogQueryText.Bound(until).ToUnixTimeMilliseconds());
        if (query.Needle is { } text) Add(q, "$" + LogQueryText.TextParameter, text);
        await using var r = await q.ExecuteReaderAsync(ct);
        var rows = new List<AuditEntry>(query.PageSize + 1);
        while (await r.ReadAsync(ct)) rows.Add(Read(r));
        return LogQueryText.Page(query, floor, rows);
    });

    public Task SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken ct = default) => guard.Run(async () =>
    {
        await using var c = await ConnectAsync(ct);
        using var q = Command(c, null, "INSERT INTO checkpoints (seq, head, time_ms, key_id, signature) VALUES ($s, $h, $t, $k, $sig)");
        q.Parameters.AddWithValue("$s", checkpoint.Seq);
        q.Parameters.AddWithValue("$h", checkpoint.Head);
        q.Parameters.AddWithValue("$t", checkpoint.Time.ToUnixTimeMilliseconds());
        q.Parameters.AddWithValue("$k", checkpoint.KeyId);
        q.Parameters.AddWithValue("$sig", checkpoint.Signature);
        await q.ExecuteNonQueryAsync(ct);
    });

    public Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(CancellationToken ct = default) => guard.Run<IReadOnlyList<Checkpoint>>(async () =>
    {
        await using var c = await ConnectAsync(ct);
        using var q = Command(c, null, "SELECT seq, head, time_ms, key_id, signature FROM checkpoints ORDER BY id");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<Checkpoint>();
        while (await r.ReadAsync(ct))
            list.Add(new Checkpoint(r.GetInt64(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3), r.GetString(4)));
        return list;
    });

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL un-checkpointed) until cleared.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private const string Columns = "seq, time_ms, actor, kind, level, message, line, data, prev, hash";

    private static AuditEntry Read(SqliteDataReader r)
    {
        var level = SeverityText.FromStored(r.GetString(4));
        return new AuditEntry(r.GetInt64(0), StoredTime(r.GetInt64(1)), r.GetString(2), r.GetString(3),
            level, r.GetString(5), r.GetString(6), AuditData.FromJson(r.GetString(7)), r.GetString(8), r.GetString(9));
    }

    /// <summary>A time that cannot be a real one (tampered) reads as <see cref="DateTimeOffset.MinValue"/>, which no hash matches.</summary>
    private static DateTimeOffset StoredTime(long ms) =>
        ms is >= -62_135_596_800_000 and <= 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
}
