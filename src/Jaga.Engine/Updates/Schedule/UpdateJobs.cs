using System.Collections.Concurrent;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Scheduling;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Scheduling;
using Jaga.Engine.Updates.Apply;
using Jaga.Engine.Updates.Audit;
using Jaga.Engine.Updates.Audit.Reports;
using Jaga.Engine.Updates.Patches;
using Jaga.Engine.Updates.Registries;

namespace Jaga.Engine.Updates.Schedule;

/// <summary>The update pillar as scheduled jobs. <c>update:scheduled</c>, on <c>update.schedule</c>: the dependency audit
/// (as <c>jaga deps audit</c>), the updates the policy applies by itself (as <c>jaga deps update --apply</c>), and, with
/// <c>update.os_packages</c>, the machine's pending OS updates read (never installed). <c>update:security</c>, when the
/// policy for security fixes is <c>immediate</c>: between scheduled runs, each time new advisory data has been imported, an
/// offline re-audit (registry cache and local advisory data, no network) that applies the security fixes at once.</summary>
public static class UpdateJobs
{
    /// <summary>How often the security watch's occurrences fall. While it waits for new data (<see cref="ScheduledJob.Ready"/>)
    /// the scheduler looks again every minute, so an import is acted on within a minute or two.</summary>
    public static readonly TimeSpan WatchEvery = TimeSpan.FromMinutes(5);

    /// <summary>One run in the project at a time in this process, whichever job it is, from its audit to its verdict: the apply
    /// lock would refuse the second's updates (another process, <c>jaga deps update</c>, is refused by that lock and the run
    /// fails saying so).</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The jobs of <c>update:</c>; none without <c>update.schedule</c>.</summary>
    public static IReadOnlyList<ScheduledJob> For(UpdateJobServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var update = services.Plan.Plan.Update;
        if (update.Schedule is not { } schedule) return [];
        var timeout = Timeout(update.TestTimeout);
        var jobs = new List<ScheduledJob> { new(JobId.Update, schedule, CatchUp.Once, timeout, ct => RunAsync(services, watch: false, ct)) };
        if (update.Policy.Security == UpdateAction.Immediate)
        {
            var every = new IntervalSchedule(WatchEvery, IntervalSchedule.PhaseOf(JobId.SecurityWatch, WatchEvery));
            jobs.Add(new ScheduledJob(JobId.SecurityWatch, every, CatchUp.Once, timeout, ct => RunAsync(services, watch: true, ct))
            {
                // Not claimed, and nothing written, until there is new advisory data: see SecurityWatchDue.
                Ready = ct => WatchDueAsync(services, ct),
                After = JobId.Update,
                MissedQuietly = true,
            });
        }
        return jobs;
    }

    /// <summary>The scheduler's backstop: the audit, the tests once before any update, and a test run per group and per
    /// bisection step of a large group stay well inside it (each test run is stopped at <c>update.test_timeout</c>).</summary>
    public static TimeSpan Timeout(TimeSpan testTimeout) => testTimeout * 24 + TimeSpan.FromMinutes(30);

    /// <summary>Whether the security watch has new advisory data to act on.</summary>
    public static async Task<bool> WatchDueAsync(UpdateJobServices services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scheduled = await LastRunAsync(services, JobId.Update, ct);
        // Checked before the advisory database is opened: until a scheduled run has finished, nothing can be due.
        if (scheduled?.FinishedAt is null || !File.Exists(AdvisoryDatabasePath.For(services.Plan))) return false;
        var watch = await LastRunAsync(services, JobId.SecurityWatch, ct);
        IReadOnlyList<AdvisoryImport> imports;
        try
        {
            imports = await ImportsAsync(services, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Asked within the scheduler's pass, where a throw would hold up every job due with it. A database that cannot
            // be read (damaged, not readable) fails the next scheduled run loudly, with its fix; until then, no new data.
            return false;
        }
        return SecurityWatchDue.IsDue(imports.Count == 0 ? null : imports.Max(i => i.ImportedAt), scheduled, watch);
    }

    /// <summary>One run: the audit (offline for the watch), the updates it may apply, OS patches (scheduled run only), the
    /// verdict. A run that fails says why in one WARN line after the audit's and the updates' own.</summary>
    public static async Task<JobResult> RunAsync(UpdateJobServices services, bool watch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        var (plan, journal) = (services.Plan, services.Journal);
        var words = journal.Messages;
        var job = watch ? JobId.SecurityWatch : JobId.Update;
        // The whole run, audit included, takes its turn: an audit beside the other job's test run would read the manifests
        // with that job's trial versions in them, and its complete reading would resolve (and, after the rollback, reopen)
        // the finding under test.
        var gate = Gates.GetOrAdd(DependencyAudit.Root(plan, words), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (watch) await journal.RecordAsync(new SecurityWatchTriggered(await ArrivedAsync(services, ct)), ct: ct);
            return await RunInTurnAsync(services, watch, job, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<JobResult> RunInTurnAsync(UpdateJobServices services, bool watch, JobId job, CancellationToken ct)
    {
        var (plan, journal) = (services.Plan, services.Journal);
        var update = plan.Plan.Update;
        var words = journal.Messages;
        var project = ProjectAudit.Read(plan, words);
        AuditReport report;
        var advisories = await services.OpenAdvisories(ct);
        try
        {
            using var http = RegistryHttp.Create();
            var audit = new AuditServices(services.Adapters, advisories, AdvisoryMatch.Affects, http, ProjectAudit.CacheFolder(plan),
                services.Environment, services.Clock, Offline: watch);
            report = await project.RunAsync(audit, journal, null, ct);
        }
        finally
        {
            if (advisories is IAsyncDisposable d) await d.DisposeAsync();
        }

        var chosen = watch ? AutomaticUpdates.Immediate(report.Findings, update.Policy) : AutomaticUpdates.Of(report.Findings);
        var testMissing = string.IsNullOrWhiteSpace(update.Test);
        IReadOnlyList<UpdateOutcome> outcomes = [];
        if (chosen.Count > 0 && !testMissing)
            outcomes = await new UpdateApplier(journal, services.RealTime) { Review = update.Review }.ApplyAsync(project.Root, UpdateGroup.ByKind(chosen), update.Test!, update.TestTimeout, ct: ct);

        PatchCheck? patches = null;
        string? patchesFailure = null;
        if (!watch && update.OsPackages) (patches, patchesFailure) = await PatchesAsync(services, words, ct);

        var verdict = UpdateVerdict.Of(report, chosen, outcomes, testMissing, patches, patchesFailure, words);
        if (!verdict.Succeeded)
        {
            var entry = await journal.RecordAsync(new UpdateRunFailed(job, verdict.Summary), ct: ct);
            return new JobResult(false, entry.Message);
        }
        return new JobResult(true, watch && chosen.Count == 0 ? words["reason.update.watch.nothing"] : verdict.Summary);
    }

    /// <summary>Reads the pending OS updates (<c>apt-get -s upgrade</c>: a simulation, nothing installed) and records them as
    /// <c>jaga patches</c> does. The daemon never installs them: that is <c>jaga patches --apply --security-only</c>, by root.</summary>
    private static async Task<(PatchCheck?, string?)> PatchesAsync(UpdateJobServices services, Catalog words, CancellationToken ct)
    {
        if (services.Apt() is not { } apt) return (null, OsPatches.NoApt(words).Message);
        try
        {
            var check = await new OsPatches(apt, words, services.RealTime).CheckAsync(ct);
            await OsPatches.RecordAsync(services.Journal, check, ct);
            return (check, null);
        }
        catch (PatchToolException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The imports the watch acts on (newer than the update runs before this one), as "npm 2026-12-07 04:10 UTC".</summary>
    private static async Task<string> ArrivedAsync(UpdateJobServices services, CancellationToken ct)
    {
        var scheduled = await LastRunAsync(services, JobId.Update, ct);
        // The newest watch run is this one: the one before it saw the data last.
        var watches = await services.Runs.HistoryAsync(JobId.SecurityWatch, 2, ct);
        var seen = new[] { scheduled?.ClaimedAt, watches.Skip(1).FirstOrDefault()?.ClaimedAt }.Max();
        var imports = await ImportsAsync(services, ct);
        var arrived = imports.Where(i => seen is null || i.ImportedAt > seen).ToList();
        var zone = services.Plan.Plan.Timezone;
        return string.Join(", ", (arrived.Count > 0 ? arrived : imports)
            .OrderBy(i => i.Ecosystem)
            .Select(i => $"{AuditWords.Of(i.Ecosystem)} {ZoneTime.Format(i.ImportedAt, zone)}"));
    }

    private static async Task<IReadOnlyList<AdvisoryImport>> ImportsAsync(UpdateJobServices services, CancellationToken ct)
    {
        var advisories = await services.OpenAdvisories(ct);
        try
        {
            return await advisories.ImportsAsync(ct);
        }
        finally
        {
            if (advisories is IAsyncDisposable d) await d.DisposeAsync();
        }
    }

    private static async Task<Core.Ports.JobRun?> LastRunAsync(UpdateJobServices services, JobId job, CancellationToken ct) =>
        (await services.Runs.HistoryAsync(job, 1, ct)) is [var last, ..] ? last : null;
}
