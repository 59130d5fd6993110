using System.Diagnostics;
using System.Net;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Journal.Events.Readiness;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Tests;

/// <summary>The checklist page against the real host: the seed's points with the evidence <c>jaga checklist</c> gathers,
/// gathered once and kept with its time (a request does not gather again; the operator's button does), and an
/// acknowledgement from the form recorded as <c>jaga checklist ack</c> records it, with the signed-in user's name.</summary>
public sealed class ChecklistPageTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_every_point_with_its_evidence_and_the_seeds_checklist_but_no_form()
    {
        using var browser = await SignedIn.AsAsync(site, "vina", DashboardRole.Viewer);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/checklist"));

        Assert.Contains("Evidence gathered 2026-12-07 09:00 UTC.", html, StringComparison.Ordinal);
        foreach (var point in new[] { "Configuration", "Folder structure", "Dependencies", "CI/CD", "Security hardening", "Documentation", "Backup & monitoring" })
            Assert.Contains($". {point} —", html, StringComparison.Ordinal);
        Assert.Contains("8. Migration checklist", html, StringComparison.Ordinal);
        Assert.Contains("[ ]</span> Dependencies audited", html, StringComparison.Ordinal);
        Assert.Contains("no complete dependency audit recorded: run jaga deps audit", html, StringComparison.Ordinal);
        Assert.Contains("Not ready:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gather again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledge a point", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/checklist?handler=Ack")]
    [InlineData("/checklist?handler=Gather")]
    public async Task A_viewer_is_refused_each_act_with_403_and_nothing_is_recorded(string action)
    {
        using var browser = await SignedIn.AsAsync(site, "vina", DashboardRole.Viewer);

        using var response = await browser.PostFormAsync("/checklist", action, Ack("folders", "looked"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await site.Store.Checklist.LatestAsync());
        Assert.DoesNotContain(site.LogLines(), l => l.Contains("acknowledged", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/checklist?handler=Ack")]
    [InlineData("/checklist?handler=Gather")]
    public async Task Each_act_without_its_anti_forgery_token_is_400(string action)
    {
        using var browser = await SignedIn.AsAsync(site, "olga", DashboardRole.Operator);

        using var response = await browser.PostFormAsync("/checklist", action, Ack("folders", "looked"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await site.Store.Checklist.LatestAsync());
    }

    [Fact]
    public async Task An_operator_acknowledges_a_point_from_the_form_one_log_line_and_one_audit_entry_with_their_name()
    {
        using var browser = await SignedIn.AsAsync(site, "olga", DashboardRole.Operator);
        var before = WebUtility.HtmlDecode(await browser.PageAsync("/checklist"));
        Assert.Contains("Acknowledge a point", before, StringComparison.Ordinal);

        using var response = await browser.PostFormAsync("/checklist", "/checklist?handler=Ack", Ack("folders", "modules split into src/ and tests/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await browser.PageAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Folder structure acknowledged.", html, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by olga on 2026-12-07 09:00 UTC: modules split into src/ and tests/", html, StringComparison.Ordinal);
        Assert.Single(site.LogLines(), l => l.EndsWith("[INFO] Checklist point folders acknowledged by olga: modules split into src/ and tests/", StringComparison.Ordinal));
        var entry = Assert.Single(await Entries(), e => e.Kind == ChecklistAcknowledged.AuditKind);
        Assert.Equal("olga", entry.Actor);
        var ack = Assert.Single(await site.Store.Checklist.LatestAsync());
        Assert.Equal(("folders", "olga", entry.Seq), (ack.Item, ack.By, ack.Seq));
    }

    [Theory]
    [InlineData("folders", "   ", "Say what you checked: the note is empty.")]
    [InlineData("everything", "looked", "there is no checklist point 'everything'")]
    public async Task A_bad_acknowledgement_is_400_with_the_reason_and_records_nothing(string item, string note, string reason)
    {
        using var browser = await SignedIn.AsAsync(site, "olga", DashboardRole.Operator);

        using var response = await browser.PostFormAsync("/checklist", "/checklist?handler=Ack", Ack(item, note));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await site.Store.Checklist.LatestAsync());
        Assert.DoesNotContain(await Entries(), e => e.Kind == ChecklistAcknowledged.AuditKind);
    }

    [Fact]
    public async Task The_evidence_is_kept_between_requests_and_gathered_again_by_the_button()
    {
        using var browser = await SignedIn.AsAsync(site, "olga", DashboardRole.Operator);
        Assert.Contains("Evidence gathered 2026-12-07 09:00 UTC.", await browser.PageAsync("/checklist"), StringComparison.Ordinal);
        site.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Contains("Evidence gathered 2026-12-07 09:00 UTC.", await browser.PageAsync("/checklist"), StringComparison.Ordinal);
        using var gather = await browser.PostFormAsync("/checklist", "/checklist?handler=Gather", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, gather.StatusCode);

        var waited = Stopwatch.StartNew();
        string html;
        do html = await browser.PageAsync("/checklist");
        while (!html.Contains("Evidence gathered 2026-12-07 10:00 UTC.", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(30) && await Pause());
        Assert.Contains("Evidence gathered 2026-12-07 10:00 UTC.", html, StringComparison.Ordinal);
        var pressed = Assert.Single(await Entries(), e => e.Kind == DashboardChecklistGathered.AuditKind);
        Assert.Equal("olga", pressed.Actor);
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] olga asked to gather the checklist's evidence again from the dashboard", StringComparison.Ordinal));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }

    private async Task<List<Core.Ledger.AuditEntry>> Entries()
    {
        var all = new List<Core.Ledger.AuditEntry>();
        await foreach (var e in site.Store.ReadAsync()) all.Add(e);
        return all;
    }

    private static Dictionary<string, string> Ack(string item, string note) => new() { ["Item"] = item, ["Note"] = note };
}
