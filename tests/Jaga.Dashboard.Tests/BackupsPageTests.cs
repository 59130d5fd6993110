using System.Net;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;

namespace Jaga.Dashboard.Tests;

/// <summary>The backups page against the real host with the scheduler running by the fake clock: the plan's files job
/// (backed up to a local destination) runs once at start as the daemon's would; the page lists it, "back up now" and
/// "verify" run in the daemon for an operator and are recorded with their name, a viewer gets 403, a form without its
/// anti-forgery token 400, and a job already running is not run twice.</summary>
public sealed class BackupsPageTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync()
    {
        site = await StartAsync();
        await site.AddUserAsync("olga", DashboardRole.Operator);
        await site.AddUserAsync("vera", DashboardRole.Viewer);
    }

    /// <summary>A site whose plan backs up its folder's files/ to a local destination, once its first run (at start: the
    /// job never ran, so the scheduler runs it at once, as the daemon does) is over.</summary>
    internal static async Task<DashboardSite> StartAsync()
    {
        var site = await DashboardSite.StartAsync("""
            destinations:
              local: { path: backup/ }
            backup:
              - { name: files, source: { files: [files/] }, schedule: "0 2 * * *", to: [local] }
            """, scheduling: true, prepare: dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "files"));
            File.WriteAllText(Path.Combine(dir, "files", "hello.txt"), "hello\n");
        });
        try
        {
            await UntilAsync(async () => (await CompletedAsync(site)).Count == 1 && await site.Store.Runs.RunningAsync("backup:files") is null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var runs = await site.Store.Runs.HistoryAsync(null, 20);
            var records = await site.Store.Backups.ListAsync();
            string said;
            lock (site.SchedulerLog) said = string.Join("\n", site.SchedulerLog);
            throw new InvalidOperationException($"the first run did not end:\nruns: {string.Join(", ", runs.Select(r => $"{r.Job} {r.Occurrence:O} {r.Outcome} {r.Detail}"))}\n" +
                $"backups: {string.Join(", ", records.Select(r => $"{r.Artifact} {r.Status} {r.Detail}"))}\nlog:\n{string.Join("\n", site.LogLines())}\nscheduler:\n{said}", e);
        }
        return site;
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_sees_each_job_its_backups_last_and_next_run_and_no_buttons()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);

        var html = await browser.PageAsync("/backups");

        var backup = Assert.Single(await Completed());
        Assert.Contains(">files</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>0 2 * * *</code>", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 09:00 UTC: succeeded", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-08 02:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"artifact\">{backup.Artifact}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>complete</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>local</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>no</td>", html, StringComparison.Ordinal);
        Assert.Contains("All 1 backups of files", html, StringComparison.Ordinal);
        Assert.Contains("never drilled; &#x27;jaga drill restore files&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Back up now", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Back_up_now_runs_the_job_in_the_daemon_and_is_one_line_and_one_audit_entry_with_the_operators_name()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("olga", DashboardSite.Password);
        site.Clock.Advance(TimeSpan.FromMinutes(5));

        using var posted = await browser.PostFormAsync("/backups", "/backups?handler=Run", new Dictionary<string, string> { ["job"] = "files" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/backups?did=run-started&job=files", posted.Headers.Location!.OriginalString);
        Assert.Contains("The backup of files started", await browser.PageAsync(posted.Headers.Location.OriginalString), StringComparison.Ordinal);
        await UntilAsync(async () => (await Completed()).Count == 2);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 5, 0, TimeSpan.Zero), (await Completed())[0].StartedAt);
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] olga started a backup of files from the dashboard", StringComparison.Ordinal));
        var entries = new List<Core.Ledger.AuditEntry>();
        await foreach (var e in site.Store.ReadAsync()) entries.Add(e);
        var act = Assert.Single(entries, e => e.Kind == DashboardBackupStarted.AuditKind);
        Assert.Equal(("olga", "files"), (act.Actor, act.Data["job"]));
        await UntilAsync(async () => await site.Store.Runs.RunningAsync("backup:files") is null);
        Assert.Contains("All 2 backups of files", await browser.PageAsync("/backups"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_already_running_elsewhere_says_so_and_runs_no_second_time()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("olga", DashboardSite.Password);
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        // Another process runs it by hand (jaga backup run files): it holds the job's claim in the run ledger.
        await using var other = await JobLock.AcquireAsync(site.Store.Runs, "backup:files", site.Clock, CancellationToken.None);
        Assert.NotNull(other.Run);
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        var page = await browser.PageAsync("/backups");
        using var posted = await browser.PostFormAsync("/backups", "/backups?handler=Run", new Dictionary<string, string> { ["job"] = "files" });

        Assert.Contains("running now", page, StringComparison.Ordinal);
        Assert.Equal("/backups?did=run-busy&job=files", posted.Headers.Location!.OriginalString);
        Assert.Contains("files is already running; no second run was started.", await browser.PageAsync(posted.Headers.Location.OriginalString), StringComparison.Ordinal);
        Assert.Single(await Completed());
        Assert.DoesNotContain(site.LogLines(), l => l.Contains("started a backup of files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_rereads_the_newest_backup_in_the_daemon_and_the_page_says_how_thoroughly()
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("olga", DashboardSite.Password);

        using var posted = await browser.PostFormAsync("/backups", "/backups?handler=Verify", new Dictionary<string, string> { ["job"] = "files" });

        Assert.Equal("/backups?did=verify-started&job=files", posted.Headers.Location!.OriginalString);
        await UntilAsync(async () => (await Completed())[0].VerifyResult is not null);
        Assert.Equal("ok", (await Completed())[0].VerifyResult);
        Assert.Contains("2026-12-07 09:00 UTC: 1 of 1 copies re-read in full", await browser.PageAsync("/backups"), StringComparison.Ordinal);
        Assert.Single(site.LogLines(), l => l.Contains("[INFO] olga started verifying files", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Run")]
    [InlineData("Verify")]
    public async Task A_viewer_is_refused_with_403_and_nothing_runs(string handler)
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);
        site.Clock.Advance(TimeSpan.FromMinutes(5));

        using var posted = await browser.PostFormAsync("/", $"/backups?handler={handler}", new Dictionary<string, string> { ["job"] = "files" });

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Null(await site.Store.Runs.RunningAsync("backup:files"));
        Assert.Null(Assert.Single(await Completed()).VerifyResult);
        Assert.DoesNotContain(site.LogLines(), l => l.Contains("from the dashboard", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Run")]
    [InlineData("Verify")]
    public async Task Either_act_without_its_anti_forgery_token_is_400(string handler)
    {
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("olga", DashboardSite.Password);

        using var posted = await browser.PostFormAsync("/backups", $"/backups?handler={handler}", new Dictionary<string, string> { ["job"] = "files" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.DoesNotContain(site.LogLines(), l => l.Contains("from the dashboard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_shows_its_newest_twenty_backups_with_a_link_to_all_and_charts_every_size()
    {
        var first = (await Completed())[0];
        for (var i = 1; i <= 24; i++)
            await site.Store.Backups.SaveAsync(first with { Id = $"older-{i:00}", Artifact = $"files_old_{i:00}.tar.zst", StartedAt = first.StartedAt.AddDays(-i), FinishedAt = first.StartedAt.AddDays(-i), Size = 1000 * i });
        using var browser = new Browser(site.Url);
        await browser.SignInOkAsync("vera", DashboardSite.Password);

        var newest = await browser.PageAsync("/backups");
        var all = await browser.PageAsync("/backups?all=files");

        Assert.Contains("The newest 20 of 25 backups of files", newest, StringComparison.Ordinal);
        Assert.Contains("files_old_19.tar.zst", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("files_old_20.tar.zst", newest, StringComparison.Ordinal);
        Assert.Contains("href=\"/backups?all=files#job-files\"", newest, StringComparison.Ordinal);
        Assert.Contains("All 25 backups of files", all, StringComparison.Ordinal);
        Assert.Contains("files_old_24.tar.zst", all, StringComparison.Ordinal);
        Assert.Contains("25 points from 2026-11-13", newest, StringComparison.Ordinal);
    }

    private Task<List<BackupRecord>> Completed() => CompletedAsync(site);

    /// <summary>The complete backups of the files job, newest first.</summary>
    internal static async Task<List<BackupRecord>> CompletedAsync(DashboardSite site) =>
        [.. (await site.Store.Backups.ListAsync("files")).Where(r => r.Status == BackupStatus.Complete)];

    /// <summary>Asks again until <paramref name="done"/>, for at most 60 s (the work runs in the site's own process).</summary>
    internal static async Task UntilAsync(Func<Task<bool>> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            Assert.False(limit.IsCancellationRequested, "not within 60 s");
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
