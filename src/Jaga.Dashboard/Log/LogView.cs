using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Log;

/// <summary>One screen of the log page, newest first, and where its links go: older entries continue below
/// <see cref="Older"/> and newer ones above <see cref="Newer"/>, both by sequence number (keyset), never by offset, so paging
/// one way and back shows every entry once. A page whose scan window ended before it was full says so
/// (<see cref="OlderWindowEnded"/>, <see cref="NewerWindowEnded"/>): its link then searches further rather than the page
/// looking complete.</summary>
public sealed record LogView(IReadOnlyList<AuditEntry> Entries, long? Older, long? Newer, bool OlderWindowEnded, bool NewerWindowEnded)
{
    /// <summary>The page below <see cref="LogQuery.Before"/> (or the newest), as <c>jaga log</c> reads it: the store's query.</summary>
    public static async Task<LogView> OlderAsync(IStateStore store, LogQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var page = await store.QueryAsync(query, ct);
        // The first page has nothing newer; a deeper one has what is above its newest entry (or above its bound if empty).
        long? newer = query.Before is not { } before ? null : page.Entries.Count > 0 ? page.Entries[0].Seq : before - 1;
        return new LogView(page.Entries, page.Next, newer, page.Next is not null && page.Entries.Count < query.PageSize, false);
    }

    /// <summary>The page just above <paramref name="after"/>: the oldest <see cref="LogQuery.PageSize"/> matching entries
    /// there, read upwards through at most <see cref="LogQuery.ScanWindow"/> entries and filtered by
    /// <see cref="LogQuery.Matches"/> (the stores' query only pages downwards); shown newest first.</summary>
    public static async Task<LogView> NewerAsync(IStateStore store, LogQuery query, long after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<AuditEntry>(query.PageSize + 1);
        var read = 0L;
        var last = after;
        var more = false;
        await foreach (var e in store.ReadAsync(after + 1, ct))
        {
            if (read == query.ScanWindow || found.Count > query.PageSize)
            {
                more = true;
                break;
            }
            read++;
            last = e.Seq;
            if (query.Matches(e)) found.Add(e);
        }
        long? newer = null;
        var windowEnded = false;
        if (found.Count > query.PageSize)
        {
            found.RemoveAt(found.Count - 1);
            newer = found[^1].Seq;
        }
        else if (more)
        {
            // The window ended with the page not full: the next page searches on above the last entry looked at.
            newer = last;
            windowEnded = true;
        }
        found.Reverse();
        long? older = found.Count > 0 ? found[^1].Seq : after + 1;
        return new LogView(found, older > 1 ? older : null, newer, false, windowEnded);
    }
}
