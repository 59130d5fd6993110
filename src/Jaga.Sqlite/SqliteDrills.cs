using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The restore drills in the SQLite file; durations are whole milliseconds.</summary>
internal sealed class SqliteDrills(Func<CancellationToken, Task<SqliteConnection>> connect) : IDrills
{
    private const string Columns = "job, backup_id, started_at_ms, ended_at_ms, outcome, recovery_ms, data_age_ms, detail, node";

    public async Task RecordAsync(DrillResult drill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentException.ThrowIfNullOrWhiteSpace(drill.Job);
        ArgumentException.ThrowIfNullOrWhiteSpace(drill.Node);
        await using var c = await connect(ct);
        using var insert = Command(c, null, $"""
            INSERT INTO drills ({Columns}) VALUES ($job, $backup, $started, $ended, $outcome, $recovery, $age, $detail, $node)
            """);
        Add(insert, "$job", drill.Job);
        Add(insert, "$backup", drill.BackupId);
        Add(insert, "$started", Ms(drill.StartedAt));
        Add(insert, "$ended", Ms(drill.EndedAt));
        Add(insert, "$outcome", drill.Outcome.ToText());
        Add(insert, "$recovery", EmergencyText.Milliseconds(drill.RecoveryTime));
        Add(insert, "$age", EmergencyText.Milliseconds(drill.DataLossWindow));
        Add(insert, "$detail", drill.Detail);
        Add(insert, "$node", drill.Node);
        await insert.ExecuteNonQueryAsync(ct);
    }

    public async Task<DrillResult?> LastAsync(string job, CancellationToken ct = default) =>
        await ListAsync(job, null, 1, ct) is [var last] ? last : null;

    public async Task<DrillResult?> LastSuccessfulAsync(string job, CancellationToken ct = default) =>
        await ListAsync(job, DrillOutcome.Succeeded, 1, ct) is [var last] ? last : null;

    public Task<IReadOnlyList<DrillResult>> ListAsync(string? job, int limit, CancellationToken ct = default) => ListAsync(job, null, limit, ct);

    private async Task<IReadOnlyList<DrillResult>> ListAsync(string? job, DrillOutcome? outcome, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        using var q = Command(c, null, $"""
            SELECT {Columns} FROM drills WHERE ($job IS NULL OR job = $job) AND ($outcome IS NULL OR outcome = $outcome)
            ORDER BY started_at_ms DESC, id DESC LIMIT $limit
            """);
        Add(q, "$job", job);
        Add(q, "$outcome", outcome?.ToText());
        Add(q, "$limit", limit);
        await using var r = await q.ExecuteReaderAsync(ct);
        var drills = new List<DrillResult>();
        while (await r.ReadAsync(ct))
            drills.Add(new DrillResult(r.GetString(0), Text(r, 1), Time(r.GetInt64(2)), Time(r.GetInt64(3)), EmergencyText.ParseDrillOutcome(r.GetString(4)),
                EmergencyText.Duration(r.IsDBNull(5) ? null : r.GetInt64(5)), EmergencyText.Duration(r.IsDBNull(6) ? null : r.GetInt64(6)),
                Text(r, 7), r.GetString(8)));
        return drills;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
