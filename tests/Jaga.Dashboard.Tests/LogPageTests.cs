using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Dashboard.Pages;
using Microsoft.Data.Sqlite;

namespace Jaga.Dashboard.Tests;

/// <summary>The maintenance log page against the real host: its filters, paging both ways by sequence number, a sparse
/// filter's "search further", bad filters answered with a message naming the field (400, never 500), and "verify chain"
/// (operators only) showing an intact chain and then the entry a tamper broke.</summary>
public sealed partial class LogPageTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    private Task<Browser> SignedInAsync(DashboardRole role = DashboardRole.Viewer) =>
        SignedIn.AsAsync(site, role == DashboardRole.Viewer ? "vera" : "olga", role);

    private Task<AuditEntry> Record(Severity level, string kind, string message) =>
        site.Feed.Journal.RecordTextAsync(level, kind, message);

    [Fact]
    public async Task Filters_by_level_pillar_time_and_text_show_each_line_as_the_log_file_has_it()
    {
        await Record(Severity.Info, "backup.run", "Backup database selesai: backup/db_2026-12-07.sql");
        site.Clock.Advance(TimeSpan.FromHours(1));
        await Record(Severity.Warn, "monitor.check", "Check api slow: 2300 ms");
        site.Clock.Advance(TimeSpan.FromHours(1));
        await Record(Severity.Error, "backup.run", $"Backup files FAILED: disk full (token {DashboardSite.Secret})");
        using var browser = await SignedInAsync();
        var file = site.LogLines();

        var all = await browser.PageAsync("/log");
        var warn = await browser.PageAsync("/log?level=WARN");
        var backup = await browser.PageAsync("/log?pillar=backup");
        var window = await browser.PageAsync("/log?from=2026-12-07+09:30&until=2026-12-07+10:30");
        var text = await browser.PageAsync("/log?text=DISK+full");
        var none = await browser.PageAsync("/log?text=nothing+says+this");

        Assert.All(file.Where(l => l.Contains("selesai", StringComparison.Ordinal) || l.Contains("slow", StringComparison.Ordinal)),
            line => Assert.Contains($"<code>{line}</code>", all, StringComparison.Ordinal));
        Assert.Contains("[2026-12-07 09:00:00] [INFO] Backup database selesai: backup/db_2026-12-07.sql", all, StringComparison.Ordinal);
        Assert.Equal(new[] { "FAILED", "slow" }, Messages(warn, "slow", "FAILED", "selesai"));
        Assert.Equal(new[] { "FAILED", "selesai" }, Messages(backup, "slow", "FAILED", "selesai"));
        Assert.Equal(new[] { "slow" }, Messages(window, "slow", "FAILED", "selesai"));
        Assert.Equal(new[] { "FAILED" }, Messages(text, "slow", "FAILED", "selesai"));
        Assert.Contains("No entry here matches the filters.", none, StringComparison.Ordinal);
        // The form keeps what was asked, so the filtered page is a link to keep.
        Assert.Contains("<option value=\"WARN\" selected=\"selected\">", warn, StringComparison.Ordinal);
        Assert.Contains("value=\"DISK full\"", text, StringComparison.Ordinal);
        Assert.All(new[] { all, warn, backup, window, text }, html => Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal));
    }

    /// <summary>Which of <paramref name="words"/> the page's lines hold, in the order shown.</summary>
    private static string[] Messages(string html, params string[] words) =>
        [.. Lines(html).Select(l => words.FirstOrDefault(w => l.Contains(w, StringComparison.Ordinal))).OfType<string>()];

    private static IEnumerable<string> Lines(string html) => LineCode().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static long[] Seqs(string html) => [.. EntryId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string? Rel(string html, string rel)
    {
        var m = Regex.Match(html, $"<a href=\"([^\"]+)\" rel=\"{rel}\">([^<]+)</a>");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [Fact]
    public async Task Paging_older_and_back_newer_shows_every_entry_once_and_in_order()
    {
        for (var i = 1; i <= 120; i++) await Record(Severity.Info, "manual", $"Pekerjaan nomor {i}");
        using var browser = await SignedInAsync();
        var head = (await site.Store.HeadAsync())!.Seq;

        var seen = new List<long>();
        var html = await browser.PageAsync("/log?pillar=manual");
        var pages = new List<long[]> { Seqs(html) };
        Assert.Null(Rel(html, "prev"));
        while (Rel(html, "next") is { } older)
        {
            Assert.Contains("Older entries", html, StringComparison.Ordinal);
            html = await browser.PageAsync(older);
            pages.Add(Seqs(html));
        }
        seen.AddRange(pages.SelectMany(p => p));

        Assert.Equal(new[] { 50, 50, 20 }, pages.Select(p => p.Length));
        Assert.Equal(seen.OrderByDescending(s => s), seen);
        Assert.Equal(120, seen.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen[0] <= head);

        // And back up from the oldest page: the same pages, newest first within each.
        var back = new List<long[]>();
        while (Rel(html, "prev") is { } newer)
        {
            html = await browser.PageAsync(newer);
            back.Add(Seqs(html));
        }
        Assert.Equal(new[] { pages[1], pages[0] }, back);
        Assert.Contains("pillar=manual", Rel(await browser.PageAsync("/log?pillar=manual"), "next"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sparse_filter_says_where_the_scan_window_ended_and_searches_further_from_there()
    {
        site.LogScanWindow = 10;
        await site.StartAgainAsync();
        await Record(Severity.Error, "manual", "needle one");
        for (var i = 0; i < 25; i++) await Record(Severity.Info, "manual", $"hay {i}");
        await Record(Severity.Error, "manual", "needle two");
        using var browser = await SignedInAsync();

        var first = await browser.PageAsync("/log?text=needle");
        var found = new List<string>(Lines(first));
        var html = first;
        var further = 0;
        while (Rel(html, "next") is { } next)
        {
            Assert.Contains("Search further", html, StringComparison.Ordinal);
            Assert.Contains("This page looked through 10 entries, down to #", html, StringComparison.Ordinal);
            html = await browser.PageAsync(next);
            found.AddRange(Lines(html));
            further++;
        }

        Assert.True(further >= 2, $"only {further} further searches");
        Assert.Equal(2, found.Count);
        Assert.EndsWith("needle two", found[0], StringComparison.Ordinal);
        Assert.EndsWith("needle one", found[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level=LOUD", "Level: &#x27;LOUD&#x27; is not a level")]
    [InlineData("pillar=kitchen", "Pillar: &#x27;kitchen&#x27; is not a pillar")]
    [InlineData("from=yesterday-ish", "From: &#x27;yesterday-ish&#x27; is neither a duration")]
    [InlineData("until=2026-13-45", "Until: &#x27;2026-13-45&#x27; is neither a duration")]
    [InlineData("from=99999999d", "From: &#x27;99999999d&#x27; reaches back before the year 1")]
    [InlineData("before=abc", "The page&#x27;s place &#x27;abc&#x27; is not a sequence number of 1 or more")]
    [InlineData("before=0", "is not a sequence number of 1 or more")]
    [InlineData("after=-4", "is not a sequence number of 0 or more")]
    public async Task A_bad_filter_is_400_with_the_field_and_the_fix_on_the_form(string query, string message)
    {
        await Record(Severity.Info, "manual", "something done");
        using var browser = await SignedInAsync();

        using var response = await browser.GetAsync("/log?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("something done", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_too_long_is_a_message_and_one_longer_than_a_request_line_is_refused_without_a_500()
    {
        using var browser = await SignedInAsync();

        using var long1 = await browser.GetAsync("/log?text=" + new string('a', 1000));
        // 10 MB does not fit in a URL (System.Uri stops at 65,519 characters); Kestrel refuses any request line over 8 KB.
        using var huge = await browser.GetAsync("/log?text=" + new string('a', 60_000));

        Assert.Equal(HttpStatusCode.BadRequest, long1.StatusCode);
        Assert.Contains("Text: 1000 characters is too long for a search; give at most 200", await long1.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange((int)huge.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Verify_chain_shows_intact_then_the_tampered_entry_and_each_is_one_line_with_the_user()
    {
        for (var i = 1; i <= 5; i++) await Record(Severity.Info, "manual", $"Pekerjaan maintenance nomor {i}");
        using var browser = await SignedInAsync(DashboardRole.Operator);

        var before = await browser.PageAsync("/log");
        Assert.Contains("Not verified from the dashboard since it started.", before, StringComparison.Ordinal);
        using (var verify = await browser.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
            Assert.Equal("/log#chain", verify.Headers.Location!.OriginalString);
        }
        var intact = await ResultAsync(browser);
        var head = (await site.Store.HeadAsync())!;

        Assert.Matches(@"Intact: \d+ entries, head #\d+ [0-9a-f]{12} \(asked 2026-12-07 09:00 UTC by olga\)\.", intact);
        var recorded = Assert.Single(await site.Store.ReadAsync(1).Where(e => e.Kind == AuditVerified.AuditKind).ToListAsync());
        Assert.Equal("olga", recorded.Actor);
        Assert.Equal(head.Seq, recorded.Seq);
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] Audit chain verified:", StringComparison.Ordinal));

        Tamper("UPDATE audit SET message = 'Tidak ada apa-apa' WHERE seq = 3");
        using (await browser.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>()))
        {
        }
        var broken = await ResultAsync(browser);

        Assert.Contains("Broken (asked 2026-12-07 09:00 UTC by olga):", broken, StringComparison.Ordinal);
        Assert.Contains("entry #3 was edited", broken, StringComparison.Ordinal);
        Assert.Single(site.LogLines(), l => l.Contains("[ERROR] Audit chain verification FAILED: ", StringComparison.Ordinal) && l.Contains("#3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_press_that_joins_a_running_verification_is_one_entry_with_its_user_naming_who_started_it()
    {
        using var olga = await SignedInAsync(DashboardRole.Operator);
        using var otto = await SignedIn.AsAsync(site, "otto", DashboardRole.Operator);
        var verifyPage = await otto.PageAsync("/log");

        Task<HttpResponseMessage> first, second;
        // Holding the log's writers off keeps olga's verification running while otto presses.
        using (await site.Feed.Journal.HoldAsync(CancellationToken.None))
        {
            first = olga.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>());
            // Her request waits a moment (by the site's clock) for the result, then says it still runs.
            var waited = Stopwatch.StartNew();
            while (!first.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
                site.Clock.Advance(LogVerifyModel.ShowWithin);
            }
            Assert.True(first.IsCompleted, "olga's press did not return while her verification waited");
            second = otto.PostWithTokenAsync(verifyPage, "/log/verify");
            await Task.Delay(1000);
        }
        using (await first)
        using (await second)
        {
        }
        await ResultAsync(olga);

        var entries = await site.Store.ReadAsync(1).ToListAsync();
        var joined = Assert.Single(entries, e => e.Kind == DashboardChainVerifyJoined.AuditKind);
        Assert.Equal("otto", joined.Actor);
        Assert.Equal("olga", Assert.Single(entries, e => e.Kind == AuditVerified.AuditKind).Actor);
        Assert.Single(site.LogLines(), l => l.Contains(
            "[INFO] otto asked to verify the audit chain from the dashboard; the verification olga started was still running, its result shows on the log page",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_verification_that_fails_before_it_records_its_outcome_is_one_error_entry_with_the_user()
    {
        await site.DisposeAsync();
        // The plan's public key is not a key: the verification stops before it reads the chain.
        site = await DashboardSite.StartAsync("audit:\n  public_key: .jaga/audit.pub", prepare: dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, ".jaga"));
            File.WriteAllText(Path.Combine(dir, ".jaga", "audit.pub"), "not a key\n");
        });
        using var browser = await SignedInAsync(DashboardRole.Operator);

        using (await browser.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>()))
        {
        }
        var page = await ResultAsync(browser);

        Assert.Contains("The verification could not finish:", page, StringComparison.Ordinal);
        var failed = Assert.Single(await site.Store.ReadAsync(1).Where(e => e.Kind == DashboardChainVerifyFailed.AuditKind).ToListAsync());
        Assert.Equal("olga", failed.Actor);
        Assert.DoesNotContain(await site.Store.ReadAsync(1).ToListAsync(), e => e.Kind == AuditVerified.AuditKind);
        Assert.Single(site.LogLines(), l => l.Contains("[ERROR] olga asked to verify the audit chain from the dashboard; it could not run: ", StringComparison.Ordinal));
    }

    /// <summary>The log page once the verification it shows has ended.</summary>
    private static async Task<string> ResultAsync(Browser browser)
    {
        for (var i = 0; i < 300; i++)
        {
            var html = await browser.PageAsync("/log");
            if (!html.Contains("Verifying since", StringComparison.Ordinal)) return html;
            await Task.Delay(100);
        }
        throw new TimeoutException("the verification did not end in 30 s");
    }

    private void Tamper(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(site.Dir, ".jaga", "state.db")};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_viewer_sees_the_last_result_but_cannot_verify_and_a_post_without_the_token_is_400()
    {
        using var viewer = await SignedInAsync(DashboardRole.Viewer);
        using var operatorBrowser = await SignedInAsync(DashboardRole.Operator);

        var page = await viewer.PageAsync("/log");
        using var post = await viewer.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>());
        using var noToken = await operatorBrowser.PostFormAsync("/log", "/log/verify", new Dictionary<string, string>(), withToken: false);

        Assert.Contains("An operator or an admin can verify the chain.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verify chain</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain(await site.Store.ReadAsync(1).ToListAsync(), e => e.Kind == AuditVerified.AuditKind);
        Assert.Contains("Verify chain</button>", await operatorBrowser.PageAsync("/log"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code>([^<]*)</code>")]
    private static partial Regex LineCode();

    [GeneratedRegex("<li id=\"e(\\d+)\"")]
    private static partial Regex EntryId();
}
