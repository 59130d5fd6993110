using System.Net;
using System.Text.RegularExpressions;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Dashboard.Monitoring;

namespace Jaga.Dashboard.Tests;

/// <summary>The Monitoring page and the public status page against the real host, with results written through the store's
/// check history at the fake clock's times: each check's state and since when, the condition that failed, 90 uptime bars and
/// a response-time chart, host gauges; the status page shows names, states and bars only, and is 404 when the plan has it off.</summary>
public sealed partial class MonitoringPageTests : IAsyncLifetime
{
    /// <summary>The password in the api check's URL: it is a secret, and no page may show it.</summary>
    public const string UrlPassword = "pw-5b1e77c2d9";

    /// <summary>The api check's own address: internal detail the public page must not show.</summary>
    public const string Target = "api.internal.example";

    public const string Checks = $$"""
            - { name: api, http: "https://monitor:{{UrlPassword}}@{{Target}}/health?probe=1", expect: "[STATUS] == 200" }
            - { name: db, tcp: "127.0.0.1:9" }
          host: { cpu: "< 90%", memory: "< 80%", disk: { "/": "< 95%" } }
        """;

    /// <summary>What the api check's probe found: the condition that failed, and (as a stored reason may carry it) the
    /// plan's secret, which the page must redact.</summary>
    public const string Failed = "[STATUS] == 200 failed: [STATUS] was 503";

    private DashboardSite site = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync("dashboard: { status_page: true }", Checks);
        await site.AddUserAsync("sari", DashboardRole.Viewer);
        await RecordAsync(site);
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    /// <summary>api: up every hour for three days, then down for the last half hour; db: up for the last hour.</summary>
    internal static async Task RecordAsync(DashboardSite site)
    {
        var now = site.Clock.GetUtcNow();
        var results = new List<CheckResult>();
        for (var h = 72; h >= 1; h--) results.Add(new("api", now.AddHours(-h), CheckOutcome.Up, TimeSpan.FromMilliseconds(40 + h), "200 in 40 ms"));
        for (var m = 30; m >= 0; m -= 10)
            results.Add(new("api", now.AddMinutes(-m), CheckOutcome.Down, TimeSpan.FromMilliseconds(3000), $"{Failed} (token {DashboardSite.Secret})"));
        for (var m = 60; m >= 0; m -= 5) results.Add(new("db", now.AddMinutes(-m), CheckOutcome.Up, TimeSpan.FromMilliseconds(2), "connected"));
        await site.Store.Checks.RecordAsync(results);
        await site.Store.Checks.SaveStatesAsync(
        [
            new CheckState("api", CheckStatus.Down, now.AddMinutes(-30), 4, 0, null, Failed),
            new CheckState("db", CheckStatus.Up, now.AddHours(-1), 0, 13, null, "connected"),
        ]);
    }

    [Fact]
    public async Task The_monitoring_page_shows_each_checks_state_since_when_the_failed_condition_uptime_bars_and_response_times()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);

        var html = await browser.PageAsync("/monitoring");

        Assert.Contains("4 checks: 1 up, 1 down, 2 not checked yet", html, StringComparison.Ordinal);
        var api = Section(html, "api");
        Assert.Contains("class=\"check down\"", api, StringComparison.Ordinal);
        Assert.Contains("<strong>Down</strong><span>— since 2026-12-07 08:30 UTC</span>", api, StringComparison.Ordinal);
        Assert.Contains("<dt>Condition that failed</dt>", api, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Failed) + " (token ***)", api, StringComparison.Ordinal);
        Assert.Equal(90, Regex.Count(api, "<rect class=\"day "));
        // Today (3 down of 4 results plus the 9 up of the morning) is degraded or down; three days ago it was all up.
        Assert.Contains("2026-12-07: ", api, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"day ok\"", api, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"day down\"", api, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"day none\"", api, StringComparison.Ordinal);
        Assert.Contains("Response time of api, last 24 hours", api, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"series series-0\"", api, StringComparison.Ordinal);

        var db = Section(html, "db");
        Assert.Contains("<strong>Up</strong><span>— since 2026-12-07 08:00 UTC</span>", db, StringComparison.Ordinal);
        Assert.Contains("<dt>Latest result</dt>", db, StringComparison.Ordinal);
        Assert.Contains("100% / 100% / 100%", db, StringComparison.Ordinal);
        Assert.Contains("<strong>Not checked yet</strong>", Section(html, "cron"), StringComparison.Ordinal);

        // The host watch of this node has not sampled yet: its gauges say so, with the plan's limits.
        Assert.Contains("Not sampled yet on this node.", html, StringComparison.Ordinal);
        Assert.Contains("CPU: not known yet", html, StringComparison.Ordinal);
        Assert.Contains("Disk /: not known yet", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "class=\"jaga-chart jaga-gauge unknown\""));

        foreach (var leak in new[] { DashboardSite.Secret, UrlPassword, "<script" })
            Assert.DoesNotContain(leak, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_page_reads_the_response_times_of_the_last_24_hours_and_90_days_of_the_plans_zone()
    {
        var view = await site.Feed.MonitoringAsync(1, CancellationToken.None);

        // Down first, then not checked yet, then up; each in the order of jaga monitor status (the plan's, then hosts).
        Assert.Equal(["api", "cron", "host", "db"], view.Checks.Select(c => c.Kind == "host" ? "host" : c.Name));
        Assert.Equal(new CheckCounts(1, 1, 2), view.Counts);
        Assert.Equal(new PageOf(1, 1), view.Page);
        var api = view.Checks[0];
        Assert.Equal(4 + 24, api.ResponseTimes.Count);
        Assert.Equal(90, api.Days.Count);
        Assert.Equal(new DateOnly(2026, 12, 7), api.Days[^1].Day);
        Assert.Equal(13, api.Days[^1].Count);
        Assert.Equal(9, api.Days[^1].Passed);
    }

    [Fact]
    public async Task A_long_list_of_checks_is_paged_25_at_a_time_with_those_down_first_and_a_bad_page_is_a_400()
    {
        var many = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"    - {{ name: c{i:00}, heartbeat: {{ every: 1h }} }}"));
        await using var big = await DashboardSite.StartAsync("dashboard: { status_page: true }", many);
        await big.AddUserAsync("sari", DashboardRole.Viewer);
        var now = big.Clock.GetUtcNow();
        await big.Store.Checks.SaveStatesAsync(
        [
            new CheckState("c05", CheckStatus.Up, now, 0, 1, null, "pinged"),
            new CheckState("c29", CheckStatus.Down, now, 1, 0, null, "no ping"),
        ]);
        using var browser = new Browser(big.Url);
        await browser.SignInOkAsync("sari", DashboardSite.Password);

        var first = await browser.PageAsync("/monitoring");
        var second = await browser.PageAsync("/monitoring?p=2");
        var beyond = await browser.PageAsync("/monitoring?p=7");
        using var bad = await browser.GetAsync("/monitoring?p=two");
        using var badStatus = await browser.GetAsync("/status?p=0");
        var status = await browser.PageAsync("/status?p=2");

        string[] names(string html) => [.. Regex.Matches(html, "<h2 id=\"check-[0-9]+\">([^<]+)</h2>").Select(m => m.Groups[1].Value)];
        // The site's own check (cron) comes first in the plan.
        Assert.Equal(["c29", "cron", "c00", "c01", "c02", "c03", "c04", "c06"], names(first)[..8]);
        Assert.Equal(25, names(first).Length);
        Assert.Contains("31 checks: 1 up, 1 down, 29 not checked yet", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/monitoring?p=2\" rel=\"next\">Next page</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        // Page 2: the rest, the one up last; beyond the last page is the last page.
        Assert.Equal(["c24", "c25", "c26", "c27", "c28", "c05"], names(second));
        Assert.Contains("<a href=\"/monitoring\" rel=\"prev\">Previous page</a>", second, StringComparison.Ordinal);
        Assert.Equal(names(second), names(beyond));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("p: &#x27;two&#x27; is not a page number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(["c24", "c25", "c26", "c27", "c28", "c05"], names(status));
        Assert.Contains("1 of 31 checks are down.", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_is_open_without_a_session_and_shows_names_states_and_bars_but_no_target_condition_or_secret()
    {
        using var browser = new Browser(site.Url);

        using var response = await browser.GetAsync("/status");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 of 3 checks are down.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Down</strong>", Section(html, "api"), StringComparison.Ordinal);
        Assert.Contains("<strong>Up</strong>", Section(html, "db"), StringComparison.Ordinal);
        Assert.Equal(3 * 90, Regex.Count(html, "<rect class=\"day "));
        foreach (var leak in new[] { DashboardSite.Secret, UrlPassword, Target, "[STATUS]", "failed", "connected", "since", "host", "127.0.0.1:9", "<nav", "<script" })
            Assert.DoesNotContain(leak, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_status_page_is_404_when_the_plan_has_it_off_with_or_without_a_session()
    {
        await using var off = await DashboardSite.StartAsync(checks: Checks);
        await off.AddUserAsync("sari", DashboardRole.Viewer);
        using var browser = new Browser(off.Url);

        using var anonymous = await browser.GetAsync("/status");
        await browser.SignInOkAsync("sari", DashboardSite.Password);
        using var signedIn = await browser.GetAsync("/status");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
    }

    [Fact]
    public async Task The_monitoring_page_needs_a_session()
    {
        using var browser = new Browser(site.Url);

        using var response = await browser.GetAsync("/monitoring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>One check's section of a page, from its heading to the next section.</summary>
    private static string Section(string html, string check)
    {
        var heading = Regex.Match(html, $"<section class=\"check [a-z]+\" aria-labelledby=\"(check-[0-9]+)\">\\s*<h2 id=\"\\1\">{check}</h2>");
        Assert.True(heading.Success, $"no section for {check}");
        var end = html.IndexOf("</section>", heading.Index, StringComparison.Ordinal);
        return html[heading.Index..end];
    }
}
