using Jaga.Core.Journal;

namespace Jaga.Core.Ledger;

/// <summary>One page of the maintenance log, newest first, read from the audit chain: what the dashboard's log page and
/// <c>jaga log</c> ask. Every filter is optional; pages follow each other by the last sequence number seen
/// (<see cref="Before"/>), never by an offset, so a page stays the same while new entries arrive and a deep page costs
/// what the first one does.</summary>
public sealed record LogQuery
{
    public const int DefaultPageSize = 50;

    /// <summary>The most entries one page holds: a page is one screen, not an export (that is <c>jaga audit export</c>).</summary>
    public const int MaxPageSize = 500;

    /// <summary>How many sequence numbers one page looks through at most, by default.</summary>
    public const long DefaultScanWindow = 50_000;

    private readonly int pageSize = DefaultPageSize;
    private readonly long scanWindow = DefaultScanWindow;

    /// <summary>Only entries of this level or above (WARN: warnings and errors).</summary>
    public Severity? MinLevel { get; init; }

    /// <summary>Only entries of this pillar (<see cref="PillarKinds"/>).</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Only entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only entries whose message contains this text, ASCII letters in either case (<see cref="Needle"/>);
    /// every other character, <c>%</c> and <c>_</c> included, stands for itself. Empty means no filter.</summary>
    public string? Text { get; init; }

    private readonly long? before;

    /// <summary>Only entries with a sequence number below this one: the <see cref="LogPage.Next"/> of the page before. At
    /// least 1 (sequence numbers start at 1): a lower bound would select nothing, or wrap round in the page's floor.</summary>
    public long? Before
    {
        get => before;
        init => before = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Before), value, "a page ends below a sequence number of 1 or more");
    }

    /// <summary>How many entries a page holds, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize
    {
        get => pageSize;
        init => pageSize = value is >= 1 and <= MaxPageSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PageSize), value, $"a page holds 1 to {MaxPageSize} entries");
    }

    /// <summary>How many sequence numbers below <see cref="Before"/> (or above the head) one page looks through at most. A
    /// filter that matches few entries (a text no entry holds) would otherwise read the whole chain for one page: instead a
    /// page stops at the window's end with fewer entries than <see cref="PageSize"/>, or none, and its
    /// <see cref="LogPage.Next"/> says where the next one goes on. So every page costs at most one window's reading.</summary>
    public long ScanWindow
    {
        get => scanWindow;
        init => scanWindow = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ScanWindow), value, "a page looks through at least one entry");
    }

    /// <summary>The text filter as the stores match it: ASCII letters in lower case, the rest as given; null for no filter.</summary>
    public string? Needle => string.IsNullOrEmpty(Text) ? null : AsciiLower(Text);

    /// <summary>ASCII letters in lower case, every other character as it is: what SQLite's <c>lower()</c> and PostgreSQL's
    /// under the "C" collation do, so both stores match the same entries whatever their locale.</summary>
    public static string AsciiLower(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = t[i] is >= 'A' and <= 'Z' ? (char)(t[i] + 32) : t[i];
        });
    }

    /// <summary>Whether <paramref name="entry"/> passes every filter but the page's bounds: what the stores' SQL decides,
    /// written once in C# for tests and for readers of a chain outside a store.</summary>
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Before is { } before && entry.Seq >= before) return false;
        if (MinLevel is { } min && entry.Level < min) return false;
        if (Pillar is { } pillar && PillarKinds.Of(entry.Kind) != pillar) return false;
        if (From is { } from && entry.Time < from) return false;
        if (Until is { } until && entry.Time >= until) return false;
        return Needle is not { } needle || AsciiLower(entry.Message).Contains(needle, StringComparison.Ordinal);
    }
}

/// <summary>One page of <see cref="LogQuery"/>: its entries, newest first, and the <see cref="LogQuery.Before"/> of the
/// next page, or null when this is the last. A page that reached the end of its <see cref="LogQuery.ScanWindow"/> holds
/// fewer entries than asked (perhaps none) and still has a next page while older entries remain.</summary>
public sealed record LogPage(IReadOnlyList<AuditEntry> Entries, long? Next);
