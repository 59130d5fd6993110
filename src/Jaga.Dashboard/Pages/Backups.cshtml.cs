using Jaga.Core.Charts;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Dashboard.Backups;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The backups: every job of the plan with its newest artifacts (size, destinations, verified and how thoroughly),
/// its last run and next one, its sizes over time, and its restore drills' measured recovery time and data-loss window.
/// Operators and admins may back a job up now or verify its newest backup; both run in the daemon, and the page says what
/// became of the request (POST, then a redirect back here).</summary>
public sealed class BackupsModel(IDashboardState state, IAuthorizationService authorization) : PageModel
{
    public Catalog Words => state.Words;

    public BackupsView View { get; private set; } = new([]);

    /// <summary>Whether the signed-in user may start a backup or a verification (operator or admin).</summary>
    public bool MayAct { get; private set; }

    /// <summary>What became of the last request, to say at the top of the page.</summary>
    public string? Notice { get; private set; }

    /// <summary>The job whose every backup is listed (<c>?all=JOB</c>), or null for the newest of each.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public string? All { get; set; }

    [BindProperty(SupportsGet = true, Name = "did")]
    public string? Did { get; set; }

    [BindProperty(SupportsGet = true, Name = "job")]
    public string? Job { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await state.BackupsAsync(All, ct);
        MayAct = (await authorization.AuthorizeAsync(User, DashboardPolicies.Operator)).Succeeded;
        if (Did is not null && Enum.TryParse<Said>(Did.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var said)
            && Job is not null && View.Jobs.Any(j => j.Name == Job))
            Notice = Words.Format(NoticeKey(said), Job);
    }

    /// <summary>"Back up now": the daemon's scheduler runs the job (unless it runs already); operators and admins only.</summary>
    public Task<IActionResult> OnPostRunAsync(string job, CancellationToken ct) =>
        ActAsync(job, "run", () => state.BackUpNowAsync(job, User.Identity!.Name!, ct));

    /// <summary>"Verify": the daemon verifies the job's newest backup; operators and admins only.</summary>
    public Task<IActionResult> OnPostVerifyAsync(string job, CancellationToken ct) =>
        ActAsync(job, "verify", () => state.VerifyNowAsync(job, User.Identity!.Name!, ct));

    private async Task<IActionResult> ActAsync(string job, string what, Func<Task<BackupAct>> act)
    {
        // Checked here, on the server: a handler of a page cannot carry its own [Authorize].
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Operator)).Succeeded) return Forbid();
        var did = await act() switch
        {
            BackupAct.Started => $"{what}-started",
            BackupAct.Busy => $"{what}-busy",
            BackupAct.Nothing => "nothing",
            _ => "stopping",
        };
        return RedirectToPage("/Backups", new { did, job });
    }

    private static string NoticeKey(Said said) => said switch
    {
        Said.RunStarted => "web.backups.did.run.started",
        Said.RunBusy => "web.backups.did.run.busy",
        Said.VerifyStarted => "web.backups.did.verify.started",
        Said.VerifyBusy => "web.backups.did.verify.busy",
        Said.Nothing => "web.backups.did.nothing",
        _ => "web.backups.did.stopping",
    };

    /// <summary>The answers a request can get (<c>?did=</c>).</summary>
    private enum Said { RunStarted, RunBusy, VerifyStarted, VerifyBusy, Nothing, Stopping }

    public string Local(DateTimeOffset? t) => t is { } v ? ZoneTime.Format(v, state.Zone) : Words["web.card.none"];

    public string Redact(string text) => state.Redact(text);

    public static string Size(long bytes) => ByteSize.Binary(bytes);

    /// <summary>The job's sizes over time, an SVG drawn on the server.</summary>
    public string Chart(BackupJobView job) =>
        new LineChart($"sizes-{job.Name}", Words.Format("web.backups.chart", job.Name), [new LineSeries(job.Name, job.Sizes)], ChartUnit.Bytes, state.Zone).Render(Words);

    /// <summary>Where the backup is: each destination, with its copy's state unless stored.</summary>
    public string Destinations(BackupRecord r) =>
        r.Copies.Count == 0 ? "-" : string.Join(", ", r.Copies.Select(c => c.State == CopyState.Stored ? c.Destination : $"{c.Destination} ({Words.Word("copy", c.State)})"));

    /// <summary>Whether it was verified, and how thoroughly: how many copies were re-read in full, and whether a restore drill
    /// restored it.</summary>
    public string Verified(BackupRecord r, BackupJobView job)
    {
        var restored = job.Drill?.LastSuccess?.BackupId == r.Id;
        var said = r.VerifyResult switch
        {
            null => Words["web.backups.verified.no"],
            "ok" => Words.Format("web.backups.verified.ok", Local(r.VerifiedAt), r.Copies.Count(c => c.VerifiedAt is not null), r.Copies.Count(c => c.State != CopyState.Pruned)),
            var failed => Words.Format("web.backups.verified.failed", Redact(failed)),
        };
        return restored ? $"{said}; {Words["web.backups.verified.restored"]}" : said;
    }

    /// <summary>The job's last run: when, how it ended (and why, when it failed).</summary>
    public string LastRun(BackupJobView job)
    {
        if (job.Last is not { } last) return Words["web.backups.never"];
        var said = $"{Local(last.ClaimedAt)}: {Words.Word("run", last.Outcome)}";
        return last.Outcome is RunOutcome.Succeeded or RunOutcome.Running || string.IsNullOrEmpty(last.Detail) ? said : $"{said} ({Redact(last.Detail)})";
    }

    /// <summary>A duration as <c>jaga status</c> shows a drill's: seconds with one decimal.</summary>
    public static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s" : "-";

    /// <summary>A data-loss window as <c>jaga status</c> shows it.</summary>
    public static string Window(TimeSpan? t) => t is { } v ? Core.Monitoring.HeartbeatVerdict.Age(v) : "-";
}
