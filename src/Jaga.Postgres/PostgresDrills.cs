using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The restore drills in the PostgreSQL database; durations are whole milliseconds.</summary>
internal sealed class PostgresDrills(NpgsqlDataSource dataSource) : IDrills
{
    private const string Columns = "job, backup_id, started_at, ended_at, outcome, recovery_ms, data_age_ms, detail, node";

    public async Task RecordAsync(DrillResult drill, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentException.ThrowIfNullOrWhiteSpace(drill.Job);
        ArgumentException.ThrowIfNullOrWhiteSpace(drill.Node);
        await using var insert = dataSource.CreateCommand($"INSERT INTO drills ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        insert.Parameters.Add(Text(drill.Job));
        insert.Parameters.Add(Text(drill.BackupId));
        insert.Parameters.Add(Time(drill.StartedAt));
        insert.Parameters.Add(Time(drill.EndedAt));
        insert.Parameters.Add(Text(drill.Outcome.ToText()));
        insert.Parameters.Add(Bigint(EmergencyText.Milliseconds(drill.RecoveryTime)));
        insert.Parameters.Add(Bigint(EmergencyText.Milliseconds(drill.DataLossWindow)));
        insert.Parameters.Add(Text(drill.Detail));
        insert.Parameters.Add(Text(drill.Node));
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
        await using var q = dataSource.CreateCommand($"""
            SELECT {Columns} FROM drills WHERE ($1::text IS NULL OR job = $1) AND ($2::text IS NULL OR outcome = $2)
            ORDER BY started_at DESC, id DESC LIMIT $3
            """);
        q.Parameters.Add(Text(job));
        q.Parameters.Add(Text(outcome?.ToText()));
        q.Parameters.Add(Integer(limit));
        await using var r = await q.ExecuteReaderAsync(ct);
        var drills = new List<DrillResult>();
        while (await r.ReadAsync(ct))
            drills.Add(new DrillResult(r.GetString(0), Text(r, 1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3),
                EmergencyText.ParseDrillOutcome(r.GetString(4)), EmergencyText.Duration(Bigint(r, 5)), EmergencyText.Duration(Bigint(r, 6)),
                Text(r, 7), r.GetString(8)));
        return drills;
    }
}
