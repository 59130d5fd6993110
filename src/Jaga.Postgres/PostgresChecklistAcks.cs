using Jaga.Core.Ports;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The readiness checklist's acknowledgements in the PostgreSQL database: every one kept, the latest of each point read.</summary>
internal sealed class PostgresChecklistAcks(NpgsqlDataSource dataSource) : IChecklistAcks
{
    public async Task AcknowledgeAsync(ChecklistAck ack, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ack);
        await using var cmd = dataSource.CreateCommand("INSERT INTO checklist_acks (item, by_name, at, note, seq) VALUES ($1, $2, $3, $4, $5)");
        cmd.Parameters.Add(Text(ack.Item));
        cmd.Parameters.Add(Text(ack.By));
        cmd.Parameters.Add(Time(ack.At));
        cmd.Parameters.Add(Text(ack.Note));
        cmd.Parameters.Add(Id(ack.Seq));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ChecklistAck>> LatestAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand("""
            SELECT item, by_name, at, note, seq FROM checklist_acks
            WHERE id IN (SELECT max(id) FROM checklist_acks GROUP BY item) ORDER BY item
            """);
        await using var r = await q.ExecuteReaderAsync(ct);
        var acks = new List<ChecklistAck>();
        while (await r.ReadAsync(ct))
            acks.Add(new ChecklistAck(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetInt64(4)));
        return acks;
    }
}
