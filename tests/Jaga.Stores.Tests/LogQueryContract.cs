using System.Globalization;
using Jaga.Core.Journal;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="IStateStore.QueryAsync"/> promises, written once and run against each adapter:
/// the entries <see cref="LogQuery.Matches"/> picks, newest first, in pages that neither skip nor repeat an entry while new
/// ones arrive, a bounded page size, and text that means itself whatever characters it holds.</summary>
public abstract class LogQueryContract : StoreContract
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Kinds =
        ["backup.run", "monitor.state", "update.apply", "runbook.step", "migration.import", "manual", "plan.load", "backupish.run", "logs.rotate", "drill.restore"];

    private static readonly string[] Messages =
    [
        "Backup database selesai: backup/db_2025-11-15.sql", "Update dependency: numpy==1.26.0", "Patch keamanan diterapkan pada modul auth",
        "Monitoring: CPU usage normal, RAM usage 60%", "RAM usage 100% on web_1", "it's 'quoted'", "say \"hi\"", "C:\\backup\\db.sql",
        "ÉCOLE école", "PATCH AUTH", "%' OR 1=1 --", "a_b and a-b",
    ];

    /// <summary>An entry <paramref name="n"/>: a kind, level, message and time that vary independently (a minute apart, some
    /// out of order, as entries from nodes whose clocks differ are).</summary>
    private static AuditDraft Entry(int n) => new(
        T0.AddMinutes(n % 7 == 3 ? n - 5 : n).AddTicks(n % 5 * 1234), "test", Kinds[n % Kinds.Length], (Severity)(n * 7 % 3), Messages[n * 5 % Messages.Length],
        $"line {n}", new Dictionary<string, string> { ["n"] = n.ToString(CultureInfo.InvariantCulture) });

    private async Task<(IStateStore Store, IReadOnlyList<AuditEntry> All)> FilledAsync(int count)
    {
        var store = await OpenAsync();
        var all = await store.AppendBatchAsync(Enumerable.Range(1, count).Select(Entry).ToList());
        return (store, all);
    }

    private static async Task<List<AuditEntry>> AllPagesAsync(IStateStore store, LogQuery query)
    {
        var seen = new List<AuditEntry>();
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1_000, "pages never end");
            var page = await store.QueryAsync(query);
            Assert.InRange(page.Entries.Count, 0, query.PageSize);
            seen.AddRange(page.Entries);
            if (page.Next is not { } next) return seen;
            // A full page goes on after its last entry; one that reached the end of its window, where the window ended.
            if (page.Entries.Count > 0) Assert.True(next <= page.Entries[^1].Seq, $"next {next} after {page.Entries[^1].Seq}");
            Assert.True(next < (query.Before ?? long.MaxValue));
            query = query with { Before = next };
        }
    }

    public static TheoryData<string, LogQuery> Queries() => new()
    {
        { "everything", new LogQuery() },
        { "warn and above", new LogQuery { MinLevel = Severity.Warn } },
        { "errors", new LogQuery { MinLevel = Severity.Error } },
        { "info is everything", new LogQuery { MinLevel = Severity.Info } },
        { "backup pillar (not backupish)", new LogQuery { Pillar = Pillar.Backup } },
        { "monitoring pillar", new LogQuery { Pillar = Pillar.Monitoring } },
        { "emergency pillar", new LogQuery { Pillar = Pillar.Emergency } },
        { "manual", new LogQuery { Pillar = Pillar.Manual } },
        { "other", new LogQuery { Pillar = Pillar.Other } },
        { "from, inclusive, below a millisecond", new LogQuery { From = T0.AddMinutes(20).AddTicks(1234) } },
        { "until, exclusive", new LogQuery { Until = T0.AddMinutes(40) } },
        { "a window", new LogQuery { From = T0.AddMinutes(10), Until = T0.AddMinutes(30).AddTicks(1) } },
        { "text in either case", new LogQuery { Text = "patch AUTH" } },
        { "percent", new LogQuery { Text = "%" } },
        { "underscore", new LogQuery { Text = "_" } },
        { "single quote", new LogQuery { Text = "'" } },
        { "double quote", new LogQuery { Text = "\"" } },
        { "backslash", new LogQuery { Text = "\\" } },
        { "an injection", new LogQuery { Text = "%' OR 1=1 --" } },
        { "non-ASCII letters match only as written", new LogQuery { Text = "école" } },
        { "empty text is no filter", new LogQuery { Text = "" } },
        { "no match", new LogQuery { Text = "nothing like this" } },
        { "everything at once", new LogQuery { MinLevel = Severity.Warn, Pillar = Pillar.Backup, From = T0.AddMinutes(5), Until = T0.AddMinutes(100), Text = "backup" } },
        { "before a sequence number", new LogQuery { Before = 50, MinLevel = Severity.Warn } },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_returns_exactly_the_entries_it_matches_newest_first_over_pages(string what, LogQuery query)
    {
        var (store, all) = await FilledAsync(120);
        var expected = all.Where(query.Matches).OrderByDescending(e => e.Seq).ToList();

        foreach (var (size, window) in new[] { (1, 7L), (7, 10L), (7, 1L), (LogQuery.DefaultPageSize, LogQuery.DefaultScanWindow), (LogQuery.MaxPageSize, 33L) })
        {
            var seen = await AllPagesAsync(store, query with { PageSize = size, ScanWindow = window });
            Assert.True(expected.Select(e => e.Seq).SequenceEqual(seen.Select(e => e.Seq)), $"{what}, pages of {size} in windows of {window}: expected [{string.Join(",", expected.Select(e => e.Seq))}], got [{string.Join(",", seen.Select(e => e.Seq))}]");
        }
    }

    [Fact]
    public async Task The_hostile_texts_pick_only_the_entries_holding_them()
    {
        var (store, _) = await FilledAsync(120);

        Assert.All((await AllPagesAsync(store, new LogQuery { Text = "%" })), e => Assert.Contains('%', e.Message));
        Assert.All((await AllPagesAsync(store, new LogQuery { Text = "_" })), e => Assert.Contains('_', e.Message));
        Assert.All((await AllPagesAsync(store, new LogQuery { Text = "'" })), e => Assert.Contains('\'', e.Message));
        Assert.NotEmpty(await AllPagesAsync(store, new LogQuery { Text = "%' OR 1=1 --" }));
        Assert.DoesNotContain(await AllPagesAsync(store, new LogQuery { Text = "%' OR 1=1 --" }), e => !e.Message.Contains("1=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_read_entry_by_entry_is_the_same_entries_as_stored()
    {
        var (store, all) = await FilledAsync(3);

        var page = await store.QueryAsync(new LogQuery());

        Assert.Null(page.Next);
        Assert.Equal(all.Reverse().Select(Fields), page.Entries.Select(Fields));

        static string Fields(AuditEntry e) => $"{e.Seq} {e.Time:O} {e.Actor} {e.Kind} {e.Level} {e.Message} {e.Line} {e.Prev} {e.Hash} " +
            string.Join(",", e.Data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
    }

    [Fact]
    public async Task Pages_neither_skip_nor_repeat_an_entry_while_new_ones_arrive()
    {
        var (store, all) = await FilledAsync(60);
        var query = new LogQuery { PageSize = 10, MinLevel = Severity.Warn };
        var expected = all.Where(query.Matches).OrderByDescending(e => e.Seq).Select(e => e.Seq).ToList();

        var seen = new List<long>();
        var page = await store.QueryAsync(query);
        var appended = 60;
        while (true)
        {
            seen.AddRange(page.Entries.Select(e => e.Seq));
            // Newer entries of every level arrive between two pages, as they do while someone reads the log page.
            await store.AppendBatchAsync(Enumerable.Range(appended + 1, 5).Select(Entry).ToList());
            appended += 5;
            if (page.Next is not { } next) break;
            page = await store.QueryAsync(query with { Before = next });
        }

        Assert.Equal(expected, seen);
        var first = await store.QueryAsync(query);
        Assert.True(first.Entries[0].Seq > all[^1].Seq, "the first page, asked again, starts with the newest entries");
    }

    [Fact]
    public async Task A_page_holds_1_to_500_entries_and_the_last_page_says_there_is_no_next()
    {
        var (store, all) = await FilledAsync(LogQuery.MaxPageSize + 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => new LogQuery { PageSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogQuery { PageSize = LogQuery.MaxPageSize + 1 });
        var full = await store.QueryAsync(new LogQuery { PageSize = LogQuery.MaxPageSize });
        Assert.Equal(LogQuery.MaxPageSize, full.Entries.Count);
        Assert.Equal(2, full.Next);
        var last = await store.QueryAsync(new LogQuery { PageSize = LogQuery.MaxPageSize, Before = full.Next });
        Assert.Equal([all[0].Seq], last.Entries.Select(e => e.Seq));
        Assert.Null(last.Next);
        var exact = await store.QueryAsync(new LogQuery { PageSize = 2, Before = 3 });
        Assert.Equal([2L, 1L], exact.Entries.Select(e => e.Seq));
        Assert.Null(exact.Next);
    }

    [Fact]
    public async Task A_page_reads_at_most_its_window_and_says_where_the_next_one_goes_on()
    {
        var (store, _) = await FilledAsync(120);

        var none = await store.QueryAsync(new LogQuery { Text = "nothing like this", ScanWindow = 50 });
        var rest = await store.QueryAsync(new LogQuery { Text = "nothing like this", ScanWindow = 50, Before = none.Next });
        var last = await store.QueryAsync(new LogQuery { Text = "nothing like this", ScanWindow = 50, Before = rest.Next });
        var far = await store.QueryAsync(new LogQuery { ScanWindow = 50, PageSize = 2, Before = long.MaxValue });

        Assert.Equal((0, 71L), (none.Entries.Count, none.Next));
        Assert.Equal((0, 21L), (rest.Entries.Count, rest.Next));
        Assert.Equal((0, (long?)null), (last.Entries.Count, last.Next));
        Assert.Equal([120L, 119L], far.Entries.Select(e => e.Seq));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogQuery { ScanWindow = 0 });
    }

    [Fact]
    public async Task An_empty_log_is_one_empty_page()
    {
        var store = await OpenAsync();

        var page = await store.QueryAsync(new LogQuery { Text = "x", MinLevel = Severity.Error, Pillar = Pillar.Other });

        Assert.Empty(page.Entries);
        Assert.Null(page.Next);
    }
}
