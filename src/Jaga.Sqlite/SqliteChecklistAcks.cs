using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The readiness checklist's acknowledgements in the SQLite file: every one kept, the latest of each point read.</summary>
internal sealed class SqliteChecklistAcks(Func<CancellationToken, Task<SqliteConnection>> connect) : IChecklistAcks
{
    public async Task AcknowledgeAsync(ChecklistAck ack, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ack);
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "INSERT INTO checklist_acks (item, by_name, at_ms, note, seq) VALUES ($item, $by, $at, $note, $seq)");
        Add(cmd, "$item", ack.Item);
        Add(cmd, "$by", ack.By);
        Add(cmd, "$at", AuditEntry.ToMilliseconds(ack.At).ToUnixTimeMilliseconds());
        Add(cmd, "$note", ack.Note);
        Add(cmd, "$seq", ack.Seq);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ChecklistAck>> LatestAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, """
            SELECT item, by_name, at_ms, note, seq FROM checklist_acks
            WHERE id IN (SELECT max(id) FROM checklist_acks GROUP BY item) ORDER BY item
            """);
        await using var r = await q.ExecuteReaderAsync(ct);
        var acks = new List<ChecklistAck>();
        while (await r.ReadAsync(ct)) acks.Add(new ChecklistAck(r.GetString(0), r.GetString(1), Time(r.GetInt64(2)), r.GetString(3), r.GetInt64(4)));
        return acks;
    }
}
