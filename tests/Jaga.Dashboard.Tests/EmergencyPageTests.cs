using System.Diagnostics;
using System.Net;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Tests;

/// <summary>The emergency page against the real host: a runbook of the plan is shown as its procedure with its approval step;
/// an operator runs it through the confirmation screen (the dry run's lines), the run waits at its approve step, an approval
/// given on the page (recorded with the signed-in user) lets it finish; a viewer gets 403 on both acts, a form without its
/// anti-forgery token 400, and no secret that a step's output echoed reaches the page.</summary>
public sealed class EmergencyPageTests : IAsyncLifetime
{
    /// <summary>A password the first step's output echoes: the page must mask it, as it does the plan's heartbeat token.</summary>
    public const string EchoedPassword = "pw-Emergency-77x";

    /// <summary>A runbook whose first step echoes two secrets, then waits for one approval, then finishes; and one that is
    /// reviewed before it runs.</summary>
    public const string PlanTail = $$"""
        emergency:
          runbooks:
            - name: ship-fix
              description: Ship the hot fix once someone agrees.
              params:
                - { name: target, type: string, default: staging, allowed: [staging, production], description: Where it goes. }
              steps:
                - name: say
                  run: "echo shipping ${params.target} via postgres://app:{{EchoedPassword}}@db.internal/app token {{DashboardSite.Secret}}"
                - name: agree
                  approve: "Ship it to ${params.target}?"
                - name: done
                  run: "echo shipped"
            - name: wipe-cache
              review: before
              steps:
                - run: "echo wiped"
        """;

    private DashboardSite site = null!;

    public async Task InitializeAsync()
    {
        site = await DashboardSite.StartAsync(PlanTail);
        await site.AddUserAsync("vera", DashboardRole.Viewer);
        await site.AddUserAsync("rina", DashboardRole.Operator);
    }

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_each_runbook_with_its_procedure_and_approval_step_but_no_run_button()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);

        var html = await browser.PageAsync("/emergency");

        Assert.Contains(">ship-fix</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Step 2 (agree) waits for 1 approval(s).", html, StringComparison.Ordinal);
        Assert.Contains("Needs a review before it runs", html, StringComparison.Ordinal);
        Assert.Contains("Ship the hot fix once someone agrees.", html, StringComparison.Ordinal);
        Assert.Contains("No runbook has run yet.", html, StringComparison.Ordinal);
        Assert.Contains("No incident is open.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/emergency/run\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(EchoedPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_runs_through_the_confirmation_screen_approves_and_the_run_finishes_with_its_secrets_masked()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("rina", DashboardSite.Password);
        Assert.Contains("action=\"/emergency/run\"", await browser.PageAsync("/emergency"), StringComparison.Ordinal);

        var confirm = await browser.PageAsync("/emergency/run?Runbook=ship-fix&p.target=production");
        Assert.Contains("Run ship-fix?", confirm, StringComparison.Ordinal);
        Assert.Contains("  target = production", confirm, StringComparison.Ordinal);
        Assert.Contains("Steps of runbook ship-fix, as the dry run sees them:", confirm, StringComparison.Ordinal);
        Assert.Contains("step 2: agree (approve)", confirm, StringComparison.Ordinal);
        Assert.Empty(await site.Store.Runbooks.ListAsync(null, 10));

        using var started = await browser.PostFormAsync("/emergency/run?Runbook=ship-fix&p.target=production", "/emergency/run",
            new Dictionary<string, string> { ["Runbook"] = "ship-fix", ["p.target"] = "production" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var run = Assert.Single(await site.Store.Runbooks.ListAsync(null, 10));
        Assert.Equal($"/emergency#run-{run.Id}", started.Headers.Location!.OriginalString);
        Assert.Equal("rina", run.StartedBy);
        Assert.Equal("production", run.Parameters["target"]);
        await UntilAsync(run.Id, RunbookRunStatus.WaitingApproval);
        // The same form posted again (a double click, Back and submit) starts no second run while the first goes on.
        using var again = await browser.PostFormAsync("/emergency/run?Runbook=ship-fix&p.target=production", "/emergency/run",
            new Dictionary<string, string> { ["Runbook"] = "ship-fix", ["p.target"] = "production" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Runbook ship-fix is already running with these parameters", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await site.Store.Runbooks.ListAsync(null, 10));
        // Only what was typed travels in the confirming form: a default (here staging) is filled in again on the POST.
        Assert.DoesNotContain("value=\"staging\"", await browser.PageAsync("/emergency/run?Runbook=ship-fix"), StringComparison.Ordinal);

        var waiting = await browser.PageAsync("/emergency");
        Assert.Contains($"Run {run.Id} of ship-fix waits at step agree", waiting, StringComparison.Ordinal);
        Assert.Contains("Ship it to production?", waiting, StringComparison.Ordinal);
        Assert.Contains("0 of 1 approvals given", waiting, StringComparison.Ordinal);
        Assert.Contains("shipping production via postgres://app:***@db.internal/app token ***", waiting, StringComparison.Ordinal);

        using var approved = await browser.PostFormAsync("/emergency", "/emergency/approve",
            new Dictionary<string, string> { ["Run"] = run.Id, ["Note"] = "checked the diff" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains($"Approved step agree of run {run.Id} (1 of 1)", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await UntilAsync(run.Id, RunbookRunStatus.Succeeded);

        var done = await browser.PageAsync("/emergency");
        Assert.Contains("No run waits for an approval.", done, StringComparison.Ordinal);
        Assert.Contains("approved by rina at", done, StringComparison.Ordinal);
        Assert.Contains("checked the diff", done, StringComparison.Ordinal);
        Assert.Contains(">succeeded</p>", done, StringComparison.Ordinal);
        Assert.Contains("shipped", done, StringComparison.Ordinal);
        foreach (var html in new[] { confirm, waiting, done })
        {
            Assert.DoesNotContain(EchoedPassword, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
        }
        var audit = await AuditAsync();
        Assert.Equal("rina", Assert.Single(audit, e => e.Kind == RunbookApproved.AuditKind).Actor);
        Assert.Equal("rina", audit.First(e => e.Kind == RunbookRunStarted.AuditKind).Actor);
        Assert.Single(site.LogLines(), l => l.Contains($"(run {run.Id}) approved by rina", StringComparison.Ordinal));
        Assert.DoesNotContain(site.LogLines(), l => l.Contains(EchoedPassword, StringComparison.Ordinal) || l.Contains(DashboardSite.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_started_from_the_page_belongs_to_the_daemon_which_interrupts_and_awaits_it_when_it_stops()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("rina", DashboardSite.Password);
        using var started = await browser.PostFormAsync("/emergency", "/emergency/run", new Dictionary<string, string> { ["Runbook"] = "ship-fix" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var run = Assert.Single(await site.Store.Runbooks.ListAsync(null, 10));
        await UntilAsync(run.Id, RunbookRunStatus.WaitingApproval);

        // The request is long over; stopping the host ends the run it started, recorded, before the store closes.
        await site.StartAgainAsync();

        var stopped = await site.Store.Runbooks.GetAsync(run.Id);
        Assert.Equal(RunbookRunStatus.Interrupted, stopped!.Status);
        Assert.Equal("staging", stopped.Parameters["target"]);
        Assert.Contains(site.LogLines(), l => l.Contains(run.Id, StringComparison.Ordinal) && l.Contains("interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_and_resolved_incidents_show_with_their_timelines_as_jaga_incident_show_has_them()
    {
        var log = new Jaga.Engine.Emergency.Incidents.IncidentLog(site.Store.Incidents, site.Feed.Journal, site.Clock);
        var (_, open) = await log.OpenByHandAsync($"db at postgres://app:{EchoedPassword}@db.internal/app is slow", null, "budi", default);
        site.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await log.AcknowledgeAsync(open, "budi", default));
        var (_, gone) = await log.OpenByHandAsync("disk almost full", null, "sari", default);
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await log.CloseAsync(gone, "sari", "old logs removed", default));
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);

        var html = await browser.PageAsync("/emergency");

        var openAt = html.IndexOf(">Open</h3>", StringComparison.Ordinal);
        var resolvedAt = html.IndexOf(">Recently resolved</h3>", StringComparison.Ordinal);
        var first = html.IndexOf($">#{open.Id} db at postgres://app:***@db.internal/app is slow</h4>", StringComparison.Ordinal);
        var second = html.IndexOf($">#{gone.Id} disk almost full</h4>", StringComparison.Ordinal);
        Assert.True(openAt < first && first < resolvedAt && resolvedAt < second, html);
        Assert.Contains("2026-12-07 09:04 UTC (budi)", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 09:14 UTC (sari)", html, StringComparison.Ordinal);
        Assert.Contains($"Timeline of incident #{open.Id}", html, StringComparison.Ordinal);
        var timeline = (await site.Store.Incidents.TimelineAsync(gone.Id)).Select(e => e.Text).ToList();
        Assert.NotEmpty(timeline);
        Assert.All(timeline, text => Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html, StringComparison.Ordinal));
        Assert.DoesNotContain(EchoedPassword, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_parameter_a_second_approval_and_a_runbook_reviewed_before_are_refused_with_the_clis_words()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("rina", DashboardSite.Password);

        using var wrongAnswer = await browser.GetAsync("/emergency/run?Runbook=ship-fix&p.target=moon");
        Assert.Equal(HttpStatusCode.BadRequest, wrongAnswer.StatusCode);
        var wrong = await wrongAnswer.Content.ReadAsStringAsync();
        Assert.Contains("parameter &#x27;target&#x27;: &#x27;moon&#x27; is not one of staging, production", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/emergency/run\" method=\"post\"", wrong, StringComparison.Ordinal);
        using var posted = await browser.PostFormAsync("/emergency", "/emergency/run", new Dictionary<string, string> { ["Runbook"] = "ship-fix", ["p.target"] = "moon" });
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);

        using var review = await browser.PostFormAsync("/emergency", "/emergency/run", new Dictionary<string, string> { ["Runbook"] = "wipe-cache" });
        Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        var refused = await review.Content.ReadAsStringAsync();
        Assert.Contains("runbook wipe-cache is reviewed before it runs: change ", refused, StringComparison.Ordinal);
        Assert.Contains("awaits review by someone other than rina", refused, StringComparison.Ordinal);

        using var none = await browser.PostFormAsync("/emergency", "/emergency/approve", new Dictionary<string, string> { ["Run"] = "0123abcd" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("0123abcd", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await site.Store.Runbooks.ListAsync(null, 10));
    }

    [Theory]
    [InlineData("/emergency/run")]
    [InlineData("/emergency/approve")]
    public async Task A_viewer_is_refused_each_act_with_403(string action)
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);

        using var get = await browser.GetAsync("/emergency/run?Runbook=ship-fix");
        using var post = await browser.PostFormAsync("/emergency", action, new Dictionary<string, string> { ["Runbook"] = "ship-fix", ["Run"] = "0123abcd" });

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await site.Store.Runbooks.ListAsync(null, 10));
    }

    [Theory]
    [InlineData("/emergency/run")]
    [InlineData("/emergency/approve")]
    public async Task Each_act_posted_without_its_anti_forgery_token_is_400(string action)
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("rina", DashboardSite.Password);

        using var post = await browser.PostFormAsync("/emergency", action, new Dictionary<string, string> { ["Runbook"] = "ship-fix", ["Run"] = "0123abcd" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Empty(await site.Store.Runbooks.ListAsync(null, 10));
    }

    private async Task<List<Jaga.Core.Ledger.AuditEntry>> AuditAsync()
    {
        var entries = new List<Jaga.Core.Ledger.AuditEntry>();
        await foreach (var e in site.Store.ReadAsync(1)) entries.Add(e);
        return entries;
    }

    /// <summary>Waits (real time: the run's steps are real processes) until the run has <paramref name="status"/>.</summary>
    private async Task UntilAsync(string run, RunbookRunStatus status)
    {
        var waited = Stopwatch.StartNew();
        RunbookRun? now = null;
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            now = await site.Store.Runbooks.GetAsync(run);
            if (now?.Status == status) return;
            await Task.Delay(100);
        }
        Assert.Fail($"run {run} is {now?.Status}, not {status}, after 30 s: {now?.Detail}");
    }
}
