using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Significant changes and their reviews in the PostgreSQL database. Each write is one statement: the group and
/// request indexes decide between nodes writing at once, and a review is one conditional <c>UPDATE</c>.</summary>
internal sealed class PostgresChangeRecords(NpgsqlDataSource dataSource) : IChangeRecords
{
    private const string Columns = "id, kind, subject, what, author, at, covers, applied, reviewed_by, reviewed_at, review_note, review_seq";

    public async Task<ChangeRecord> RecordAsync(ChangeDraft draft, CancellationToken ct = default)
    {
        ChangeText.Validate(draft);
        await using var cmd = dataSource.CreateCommand($"""
            INSERT INTO change_records AS c (kind, subject, what, author, at, covers, applied, grp)
            VALUES ($1, $2, $3, $4, $5, ARRAY[$6], true, $7)
            ON CONFLICT (grp) WHERE grp IS NOT NULL DO UPDATE SET covers = c.covers || excluded.covers
            RETURNING {Columns}
            """);
        Fill(cmd, draft);
        cmd.Parameters.Add(Text(draft.Group));
        return (await ReadAsync(cmd, ct))[0];
    }

    public async Task<(ChangeRecord Request, bool Created)> RequestAsync(ChangeDraft draft, CancellationToken ct = default)
    {
        ChangeText.Validate(draft);
        // The pending request may be reviewed between the insert that met it and the read: then ask again.
        for (var attempt = 0; ; attempt++)
        {
            await using (var insert = dataSource.CreateCommand($"""
                INSERT INTO change_records (kind, subject, what, author, at, covers, applied)
                VALUES ($1, $2, $3, $4, $5, ARRAY[$6], false)
                ON CONFLICT (subject) WHERE NOT applied AND reviewed_by IS NULL DO NOTHING
                RETURNING {Columns}
                """))
            {
                Fill(insert, draft);
                var made = await ReadAsync(insert, ct);
                if (made.Count == 1) return (made[0], true);
            }
            await using var pending = dataSource.CreateCommand(
                $"SELECT {Columns} FROM change_records WHERE subject = $1 AND NOT applied AND reviewed_by IS NULL");
            pending.Parameters.Add(Text(draft.Subject));
            var found = await ReadAsync(pending, ct);
            if (found.Count == 1 || attempt == 3) return (found.Single(), false);
        }
    }

    public async Task<ChangeRecord?> TakeReviewedAsync(string subject, CancellationToken ct = default)
    {
        // Two takers pick the same row; the second one's UPDATE waits for the first, sees applied and changes nothing.
        await using var cmd = dataSource.CreateCommand($"""
            UPDATE change_records SET applied = true
            WHERE id = (SELECT id FROM change_records WHERE subject = $1 AND NOT applied AND reviewed_by IS NOT NULL ORDER BY id LIMIT 1)
              AND NOT applied
            RETURNING {Columns}
            """);
        cmd.Parameters.Add(Text(subject));
        var taken = await ReadAsync(cmd, ct);
        return taken.Count == 0 ? null : taken[0];
    }

    public async Task<ChangeReviewOutcome> ReviewAsync(long id, ChangeReview review, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        await using (var update = dataSource.CreateCommand("""
            UPDATE change_records SET reviewed_by = $2, reviewed_at = $3, review_note = $4, review_seq = $5
            WHERE id = $1 AND reviewed_by IS NULL AND lower(btrim(author)) <> lower(btrim($2))
            """))
        {
            update.Parameters.Add(Id(id));
            update.Parameters.Add(Text(review.By));
            update.Parameters.Add(Time(review.At));
            update.Parameters.Add(Text(review.Note));
            update.Parameters.Add(Bigint(review.Seq));
            if (await update.ExecuteNonQueryAsync(ct) == 1) return ChangeReviewOutcome.Reviewed;
        }
        // A review is never undone, so what is read now explains why the update changed nothing.
        return await GetAsync(id, ct) switch
        {
            null => ChangeReviewOutcome.NotFound,
            { Review: not null } => ChangeReviewOutcome.AlreadyReviewed,
            _ => ChangeReviewOutcome.ByAuthor,
        };
    }

    public async Task NoteReviewEntryAsync(long id, long seq, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE change_records SET review_seq = $2 WHERE id = $1 AND reviewed_by IS NOT NULL AND review_seq IS NULL");
        cmd.Parameters.Add(Id(id));
        cmd.Parameters.Add(Id(seq));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<ChangeRecord?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {Columns} FROM change_records WHERE id = $1");
        q.Parameters.Add(Id(id));
        var found = await ReadAsync(q, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ChangeRecord>> ListAsync(bool unreviewed, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var q = dataSource.CreateCommand(
            $"SELECT {Columns} FROM change_records {(unreviewed ? "WHERE reviewed_by IS NULL" : "")} ORDER BY id DESC LIMIT $1");
        q.Parameters.Add(Integer(limit));
        return await ReadAsync(q, ct);
    }

    private static void Fill(NpgsqlCommand cmd, ChangeDraft draft)
    {
        cmd.Parameters.Add(Text(draft.Kind.ToText()));
        cmd.Parameters.Add(Text(draft.Subject));
        cmd.Parameters.Add(Text(draft.What));
        cmd.Parameters.Add(Text(draft.Author));
        cmd.Parameters.Add(Time(draft.At));
        cmd.Parameters.Add(Id(draft.Covers));
    }

    private static async Task<List<ChangeRecord>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var records = new List<ChangeRecord>();
        while (await r.ReadAsync(ct))
        {
            var review = r.IsDBNull(8)
                ? null
                : new ChangeReview(r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.GetString(10), Bigint(r, 11));
            records.Add(new ChangeRecord(r.GetInt64(0), ChangeText.ParseKind(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetFieldValue<long[]>(6), r.GetBoolean(7), review));
        }
        return records;
    }
}
