using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Significant changes and their reviews in the SQLite file. Each write is one statement or one transaction under
/// SQLite's write lock, so processes sharing the file never make two requests for a subject nor review a change twice.</summary>
internal sealed class SqliteChangeRecords(Func<CancellationToken, Task<SqliteConnection>> connect) : IChangeRecords
{
    private const string Columns = "id, kind, subject, what, author, at_ms, covers, applied, reviewed_by, reviewed_at_ms, review_note, review_seq";

    public async Task<ChangeRecord> RecordAsync(ChangeDraft draft, CancellationToken ct = default)
    {
        ChangeText.Validate(draft);
        await using var c = await connect(ct);
        using var cmd = Command(c, null, $"""
            INSERT INTO change_records (kind, subject, what, author, at_ms, covers, applied, grp)
            VALUES ($kind, $subject, $what, $author, $at, $covers, 1, $grp)
            ON CONFLICT (grp) WHERE grp IS NOT NULL DO UPDATE SET covers = covers || ',' || excluded.covers
            RETURNING {Columns}
            """);
        Fill(cmd, draft);
        Add(cmd, "$grp", draft.Group);
        return (await ReadAsync(cmd, ct))[0];
    }

    public async Task<(ChangeRecord Request, bool Created)> RequestAsync(ChangeDraft draft, CancellationToken ct = default)
    {
        ChangeText.Validate(draft);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var insert = Command(c, tx, $"""
            INSERT INTO change_records (kind, subject, what, author, at_ms, covers, applied)
            VALUES ($kind, $subject, $what, $author, $at, $covers, 0)
            ON CONFLICT (subject) WHERE applied = 0 AND reviewed_by IS NULL DO NOTHING
            RETURNING {Columns}
            """);
        Fill(insert, draft);
        var made = await ReadAsync(insert, ct);
        if (made.Count == 1)
        {
            await tx.CommitAsync(ct);
            return (made[0], true);
        }
        using var pending = Command(c, tx, $"SELECT {Columns} FROM change_records WHERE subject = $subject AND applied = 0 AND reviewed_by IS NULL");
        Add(pending, "$subject", draft.Subject);
        var found = (await ReadAsync(pending, ct))[0];
        await tx.CommitAsync(ct);
        return (found, false);
    }

    public async Task<ChangeRecord?> TakeReviewedAsync(string subject, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, $"""
            UPDATE change_records SET applied = 1
            WHERE id = (SELECT id FROM change_records WHERE subject = $subject AND applied = 0 AND reviewed_by IS NOT NULL ORDER BY id LIMIT 1)
            RETURNING {Columns}
            """);
        Add(cmd, "$subject", subject);
        var taken = await ReadAsync(cmd, ct);
        return taken.Count == 0 ? null : taken[0];
    }

    public async Task<ChangeReviewOutcome> ReviewAsync(long id, ChangeReview review, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var read = Command(c, tx, "SELECT author, reviewed_by FROM change_records WHERE id = $id");
        Add(read, "$id", id);
        string author;
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) return ChangeReviewOutcome.NotFound;
            if (!r.IsDBNull(1)) return ChangeReviewOutcome.AlreadyReviewed;
            author = r.GetString(0);
        }
        if (ChangeText.SamePerson(author, review.By)) return ChangeReviewOutcome.ByAuthor;
        using var update = Command(c, tx, """
            UPDATE change_records SET reviewed_by = $by, reviewed_at_ms = $at, review_note = $note, review_seq = $seq WHERE id = $id
            """);
        Add(update, "$id", id);
        Add(update, "$by", review.By);
        Add(update, "$at", Ms(review.At));
        Add(update, "$note", review.Note);
        Add(update, "$seq", review.Seq);
        await update.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return ChangeReviewOutcome.Reviewed;
    }

    public async Task NoteReviewEntryAsync(long id, long seq, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var cmd = Command(c, null, "UPDATE change_records SET review_seq = $seq WHERE id = $id AND reviewed_by IS NOT NULL AND review_seq IS NULL");
        Add(cmd, "$id", id);
        Add(cmd, "$seq", seq);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<ChangeRecord?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {Columns} FROM change_records WHERE id = $id");
        Add(q, "$id", id);
        var found = await ReadAsync(q, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ChangeRecord>> ListAsync(bool unreviewed, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        using var q = Command(c, null,
            $"SELECT {Columns} FROM change_records {(unreviewed ? "WHERE reviewed_by IS NULL" : "")} ORDER BY id DESC LIMIT $limit");
        Add(q, "$limit", limit);
        return await ReadAsync(q, ct);
    }

    private static void Fill(SqliteCommand cmd, ChangeDraft draft)
    {
        Add(cmd, "$kind", draft.Kind.ToText());
        Add(cmd, "$subject", draft.Subject);
        Add(cmd, "$what", draft.What);
        Add(cmd, "$author", draft.Author);
        Add(cmd, "$at", Ms(draft.At));
        Add(cmd, "$covers", ChangeText.Covers([draft.Covers]));
    }

    private static async Task<List<ChangeRecord>> ReadAsync(SqliteCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var records = new List<ChangeRecord>();
        while (await r.ReadAsync(ct))
        {
            var review = r.IsDBNull(8) ? null : new ChangeReview(r.GetString(8), Time(r.GetInt64(9)), r.GetString(10), r.IsDBNull(11) ? null : (long?)r.GetInt64(11));
            records.Add(new ChangeRecord(r.GetInt64(0), ChangeText.ParseKind(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                Time(r.GetInt64(5)), ChangeText.ParseCovers(r.GetString(6)), r.GetInt64(7) != 0, review));
        }
        return records;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
