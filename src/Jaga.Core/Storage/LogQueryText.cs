using Jaga.Core.Journal;
using Jaga.Core.Ledger;

namespace Jaga.Core.Storage;

/// <summary>The SQL both stores run for a <see cref="LogQuery"/>, written once: the filters as one <c>WHERE</c> clause over
/// the <c>audit</c> table within the page's window of sequence numbers (a range of the primary key, so no page reads more
/// than <see cref="LogQuery.ScanWindow"/> rows), newest first, one row more than the page to tell whether another follows.</summary>
/// <remarks>Levels and pillars become literals from fixed sets (never user text); the user's text and the bounds are
/// parameters. The text is matched with <c>instr</c>/<c>strpos</c>, not <c>LIKE</c>, so <c>%</c>, <c>_</c> and quotes in it
/// mean themselves.</remarks>
public static class LogQueryText
{
    /// <summary>The statement's parameters, named without their store's mark.</summary>
    public const string BeforeParameter = "before";
    public const string FromParameter = "from";
    public const string UntilParameter = "until";
    public const string TextParameter = "needle";
    public const string FloorParameter = "floor";

    /// <summary>The upper bound of the page's window: <see cref="LogQuery.Before"/>, or one past the head when that is lower.</summary>
    public static long Ceiling(LogQuery query, long head)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Math.Min(query.Before ?? long.MaxValue, head + 1);
    }

    /// <summary>The lowest sequence number the page looks at: one window below its upper bound, never below 1.</summary>
    public static long Floor(LogQuery query, long head)
    {
        var ceiling = Ceiling(query, head);
        return ceiling - 1 <= query.ScanWindow ? 1 : ceiling - query.ScanWindow;
    }

    /// <param name="query">What is asked.</param>
    /// <param name="columns">The columns to select.</param>
    /// <param name="mark">The store's parameter mark (<c>$</c> for SQLite, <c>@</c> for Npgsql).</param>
    /// <param name="timeColumn">The audit table's time column (<c>time_ms</c>, <c>time</c>).</param>
    /// <param name="contains">The store's test that the message holds the needle, given the needle's parameter.</param>
    public static string Select(LogQuery query, string columns, char mark, string timeColumn, Func<string, string> contains)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(contains);
        var where = new List<string> { $"seq < {mark}{BeforeParameter}", $"seq >= {mark}{FloorParameter}" };
        if (query.MinLevel is { } min && min > Severity.Info)
            where.Add($"level IN ({string.Join(", ", Enum.GetValues<Severity>().Where(s => s >= min).Select(s => $"'{s.ToText()}'"))})");
        if (query.Pillar is { } pillar) where.Add(PillarCondition(pillar));
        if (query.From is not null) where.Add($"{timeColumn} >= {mark}{FromParameter}");
        if (query.Until is not null) where.Add($"{timeColumn} < {mark}{UntilParameter}");
        if (query.Needle is not null) where.Add(contains($"{mark}{TextParameter}"));
        return $"SELECT {columns} FROM audit WHERE {string.Join(" AND ", where)} ORDER BY seq DESC LIMIT {query.PageSize + 1}";
    }

    /// <summary>A time bound as the stores compare it with their millisecond times: rounded up to the millisecond, so an
    /// entry is at or after it exactly when it is at or after the time given (and the latest times stay in range).</summary>
    public static DateTimeOffset Bound(DateTimeOffset t)
    {
        var floor = AuditEntry.ToMilliseconds(t);
        return floor.UtcTicks == t.UtcTicks || floor.UtcTicks > DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerMillisecond
            ? floor : floor.AddMilliseconds(1);
    }

    /// <summary>The page from the rows read, newest first: at most <see cref="LogQuery.PageSize"/> of them, and the next
    /// page's bound when a row more came back, or when the window ended above the first entry.</summary>
    /// <param name="query">What was asked.</param>
    /// <param name="floor">The page's <see cref="Floor"/>.</param>
    /// <param name="rows">The rows read, newest first (one more than the page at most).</param>
    public static LogPage Page(LogQuery query, long floor, List<AuditEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= query.PageSize) return new LogPage(rows, floor > 1 ? floor : null);
        rows.RemoveRange(query.PageSize, rows.Count - query.PageSize);
        return new LogPage(rows, rows[^1].Seq);
    }

    /// <summary>The kinds of <paramref name="pillar"/> by their first word: the kind is the word, or starts with it and a dot.
    /// <see cref="Pillar.Other"/> is every kind no other pillar claims.</summary>
    private static string PillarCondition(Pillar pillar)
    {
        if (pillar == Pillar.Other)
            return "NOT (" + string.Join(" OR ", PillarKinds.Words.Values.SelectMany(w => w).Select(Word)) + ")";
        return "(" + string.Join(" OR ", PillarKinds.Words[pillar].Select(Word)) + ")";
    }

    private static string Word(string word) => $"kind = '{word}' OR substr(kind, 1, {word.Length + 1}) = '{word}.'";
}
