using System.Net;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Planning;
using Jaga.Engine.Updates.Audit;

namespace Jaga.Dashboard.Tests;

/// <summary>The updates page against the real host: it shows what an audit recorded (through <see cref="ProjectAudit.RecordAsync"/>,
/// as every <c>jaga deps</c> command and the daemon record it) — the audit's line, vulnerable packages worst first with their
/// advisories, the update plan with its reasons — and the updates applied and rolled back, the pending security findings and
/// the changes awaiting review; never a secret.</summary>
public sealed class UpdatesPageTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Without_an_audit_the_page_says_how_to_run_one()
    {
        using var browser = await SignedIn.AsAsync(site, "vina", DashboardRole.Viewer);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/updates"));

        Assert.Contains("No dependency audit recorded yet: run jaga deps audit", html, StringComparison.Ordinal);
        Assert.Contains("No security finding is pending.", html, StringComparison.Ordinal);
        Assert.Contains("No update applied or rolled back yet.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_last_audit_vulnerable_packages_first_the_plan_the_updates_and_the_changes_awaiting_review()
    {
        var plan = await RecordAuditAsync(site);
        await site.Feed.Journal.RecordAsync(new UpdateApplied("lodash==4.17.21"));
        await site.Feed.Journal.RecordAsync(new UpdateRolledBack("express==4.19.2", "the tests failed: exit code 1, accepted: 0", "1 failing"));
        await site.Store.Changes.RecordAsync(new ChangeDraft(ChangeKind.MajorUpdate, "deps:react", "react 17.0.2 to 18.3.1", "budi", site.Clock.GetUtcNow(), 1, Applied: false));
        using var browser = await SignedIn.AsAsync(site, "vina", DashboardRole.Viewer);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/updates"));

        Assert.Contains("Dependency audit: 6 packages, 4 outdated, 2 vulnerable, 2 to apply, 1 waiting for review", html, StringComparison.Ordinal);
        Assert.Contains("Kept from the audit of 2026-12-07 09:00 UTC:", html, StringComparison.Ordinal);
        var vulnerable = Section(html, "vulnerable");
        // The critical advisory's package before the high one's.
        Assert.True(vulnerable.IndexOf("minimist", StringComparison.Ordinal) < vulnerable.IndexOf("lodash", StringComparison.Ordinal), vulnerable);
        Assert.Contains("critical</span> GHSA-xvch-5gv4-984h", vulnerable, StringComparison.Ordinal);
        Assert.Contains("high</span> GHSA-p6mc-m468-83gw", vulnerable, StringComparison.Ordinal);
        Assert.DoesNotContain("react", vulnerable, StringComparison.Ordinal);
        var updatePlan = Section(html, "plan");
        Assert.Contains("express", updatePlan, StringComparison.Ordinal);
        Assert.Contains(">review<", updatePlan, StringComparison.Ordinal);
        Assert.Contains(">manual<", updatePlan, StringComparison.Ordinal);
        Assert.Contains(">no data<", updatePlan, StringComparison.Ordinal);
        Assert.DoesNotContain("chalk", updatePlan, StringComparison.Ordinal);
        var applied = Section(html, "applied");
        Assert.Contains("Update dependency: lodash==4.17.21", applied, StringComparison.Ordinal);
        Assert.Contains("express==4.19.2", applied, StringComparison.Ordinal);
        var pending = Section(html, "pending");
        Assert.Contains("GHSA-xvch-5gv4-984h", pending, StringComparison.Ordinal);
        Assert.True(pending.IndexOf("minimist", StringComparison.Ordinal) < pending.IndexOf("lodash", StringComparison.Ordinal), pending);
        Assert.Contains("react 17.0.2 to 18.3.1", Section(html, "changes"), StringComparison.Ordinal);
        // The registry's error carried a secret of the plan: masked in the kept audit and on the page.
        Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Secret, await File.ReadAllTextAsync(LastAudit.PathFor(plan)), StringComparison.Ordinal);
        Assert.Contains("***", updatePlan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_the_kept_audit_as_it_was_and_a_newer_audit_replaces_it()
    {
        var plan = await RecordAuditAsync(site);
        site.Clock.Advance(TimeSpan.FromHours(2));
        var clean = new AuditReport(["package.json"], new Dictionary<Ecosystem, IReadOnlyList<string>>(),
            [Finding("lodash", "4.17.21", "4.17.21", null, Decision.UpToDate, security: false)], [], [], [], [], FailOn.High);
        await ProjectAudit.RecordAsync(plan, site.Feed.Journal, clean, CancellationToken.None);
        using var browser = await SignedIn.AsAsync(site, "vina", DashboardRole.Viewer);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/updates"));

        Assert.Contains("Kept from the audit of 2026-12-07 11:00 UTC:", html, StringComparison.Ordinal);
        Assert.Contains("No package is affected by an advisory.", html, StringComparison.Ordinal);
        Assert.Contains("Nothing to update", html, StringComparison.Ordinal);
    }

    /// <summary>Records an audit of five npm packages (two vulnerable, one critical, one up to date) and one whose registry failed with a
    /// secret in its error, as <c>jaga deps audit</c> records it.</summary>
    internal static async Task<LoadedPlan> RecordAuditAsync(DashboardSite site)
    {
        var path = Path.Combine(site.Dir, "jaga.yaml");
        var plan = PlanFile.LoadText(await File.ReadAllTextAsync(path), path).Plan!;
        var report = new AuditReport(["package.json"], new Dictionary<Ecosystem, IReadOnlyList<string>>(),
        [
            Finding("lodash", "4.17.15", "4.17.21", UpdateKind.Patch, Decision.Apply, security: true, Hit("GHSA-p6mc-m468-83gw", Severity.High, "4.17.21")),
            Finding("minimist", "1.2.0", "1.2.6", UpdateKind.Patch, Decision.Apply, security: true, Hit("GHSA-xvch-5gv4-984h", Severity.Critical, "1.2.6")),
            Finding("react", "17.0.2", "18.3.1", UpdateKind.Major, Decision.Manual, security: false),
            Finding("express", "4.18.0", "4.19.2", UpdateKind.Minor, Decision.Review, security: false),
            Finding("chalk", "5.3.0", "5.3.0", null, Decision.UpToDate, security: false),
            new Finding(Dependency("left-pad"), null, false, null, null, null, Decision.Unknown, false, [], FindingProblem.RegistryFailed,
                $"GET https://registry.example/left-pad?token={DashboardSite.Secret}: 503"),
        ], [], [], [], [], FailOn.High);
        await ProjectAudit.RecordAsync(plan, site.Feed.Journal, report, CancellationToken.None);
        return plan;
    }

    private static Finding Finding(string name, string current, string latest, UpdateKind? kind, Decision decision, bool security, params AdvisoryHit[] hits) =>
        new(Dependency(name), current, false, latest, kind is null ? null : latest, kind, decision, security, hits);

    private static Dependency Dependency(string name) =>
        new(Ecosystem.Npm, name, "^1.0.0", null, new ManifestLocation("package.json", 3), DependencyScope.Runtime);

    private static AdvisoryHit Hit(string id, Severity severity, string fixedIn) => new(id, [], severity, "a flaw", fixedIn, null);

    /// <summary>The page's section headed by the id <paramref name="id"/>, up to the next section.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("<section", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
