using System.Runtime.InteropServices;
using Jaga.Cli.Composition;
using Jaga.Core.Changes;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Plan;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;
using Jaga.Engine.Readiness;
using Jaga.Engine.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary>Reloads the plan on SIGHUP or when <c>jaga.yaml</c> changes on disk. The new plan is validated first: an invalid
/// one is refused with an ERROR line naming every problem's position, and the old plan keeps running. A valid change is
/// recorded in the audit chain with both hashes and the sections that changed, then the scheduler takes the new jobs.</summary>
internal sealed class PlanReloader(DaemonState state, ILogger<PlanReloader> logger, string actor) : BackgroundService
{
    /// <summary>Editors write a file in several steps; changes closer together than this are one reload.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly SemaphoreSlim signal = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Full path: a plan given as a bare file name ("--plan jaga.yaml") has an empty folder, which the watcher refuses.
        var path = Path.GetFullPath(state.Plan.File);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            if (logger.IsEnabled(LogLevel.Information)) logger.LogInformation("SIGHUP: reloading {Plan}", path);
            signal.Release();
        });
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        void Changed(object? _, FileSystemEventArgs e) => signal.Release();
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Renamed += (_, e) => signal.Release();
        watcher.EnableRaisingEvents = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await signal.WaitAsync(stoppingToken);
                await Task.Delay(Settle, state.Clock, stoppingToken);
                while (signal.CurrentCount > 0) await signal.WaitAsync(stoppingToken);
                try
                {
                    await ReloadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "plan reload failed; the running plan is unchanged");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        signal.Dispose();
        base.Dispose();
    }

    /// <summary>Reads, validates and applies the plan file; a no-op when its content did not change.</summary>
    internal async Task ReloadAsync(CancellationToken ct)
    {
        var running = state.Plan;
        string? text;
        Core.Plan.PlanLoadResult result;
        try
        {
            // Bounded and regular files only: a plan replaced by a FIFO must not block the reloader, nor a huge file fill memory.
            text = PlanFile.Read(running.File);
            if (text is null)
            {
                await RefuseAsync(running, [$"{running.File}:1:1: plan file not found"], ct);
                return;
            }
            result = PlanFile.LoadText(text, running.File);
        }
        catch (Core.Errors.UserException e)
        {
            // The plan file itself cannot be read (a FIFO, too large, no permission): refused like an invalid plan.
            await RefuseAsync(running, [$"{running.File}:1:1: {e.Message}"], ct);
            return;
        }
        if (!result.Ok)
        {
            await RefuseAsync(running, [.. result.Errors.Select(e => e.ToString())], ct);
            return;
        }
        var plan = result.Plan!;
        state.ReloadProblem = null;
        if (plan.Sha256 == running.Sha256) return;

        var sections = PlanDiff.Sections(state.PlanText, text);
        var journal = state.NewJournal(plan, actor);
        await journal.RecordAsync(new PlanChanged(running.Sha256[..12], plan.Sha256[..12], sections.Count == 0 ? "-" : string.Join("; ", sections))
        {
            Data = new Dictionary<string, string>
            {
                ["old_sha256"] = running.Sha256,
                ["new_sha256"] = plan.Sha256,
                ["sections"] = string.Join("; ", sections),
                ["file"] = plan.File,
                // What makes the change significant (destinations, retention, encryption, a check removed): the journal
                // records a change for review when this is not empty.
                [SignificantChanges.PlanKey] = string.Join("; ", PlanSignificance.Of(running.Plan, plan.Plan)),
            },
        }, ct: ct);
        // These are bound when the daemon starts; say so rather than pretend they changed.
        foreach (var (key, before, after) in new[]
        {
            ("state", running.Plan.State, plan.Plan.State), ("listen", running.Plan.Listen, plan.Plan.Listen),
            ("log.file", running.Plan.Log.File, plan.Plan.Log.File), ("timezone", running.Plan.Timezone.Id, plan.Plan.Timezone.Id),
            ("scheduler", running.Plan.Scheduler.ToString(), plan.Plan.Scheduler.ToString()),
        })
            if (before != after)
                await state.Journal.RecordAsync(new PlanReloadNeedsRestart(key), ct: ct);

        var restartBound = plan with { Plan = plan.Plan with { State = running.Plan.State, Log = running.Plan.Log, Timezone = running.Plan.Timezone } };
        var applied = state.NewJournal(restartBound, actor);
        state.Replace(restartBound, text, applied);
        state.Scheduler.PlanSha256 = plan.Sha256;
        state.Scheduler.Replace(Jobs(state, restartBound, applied));
        if (logger.IsEnabled(LogLevel.Information)) logger.LogInformation("plan reloaded: sha256 {Sha}", plan.Sha256[..12]);
        // The document kept beside the plan (docs.render_to) follows the plan, once the plan runs: a folder that cannot
        // take it must not undo a reload already recorded (the checklist then says the document is stale).
        try
        {
            if (RenderedPlan.Refresh(plan) is { } rendered)
            {
                var shown = Path.GetRelativePath(plan.Directory, rendered);
                await applied.RecordAsync(new PlanRendered(shown) { Data = new Dictionary<string, string> { ["file"] = shown, ["plan_sha256"] = plan.Sha256 } }, ct: ct);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UserException)
        {
            if (logger.IsEnabled(LogLevel.Warning)) logger.LogWarning("docs.render_to could not be written: {Reason}", e.Message);
        }
    }

    private async Task RefuseAsync(LoadedPlan running, IReadOnlyList<string> problems, CancellationToken ct)
    {
        var text = string.Join("; ", problems);
        if (state.ReloadProblem == text) return;
        state.ReloadProblem = text;
        if (logger.IsEnabled(LogLevel.Error)) logger.LogError("plan reload refused, still running {Sha}: {Problems}", running.Sha256[..12], text);
        await state.Journal.RecordAsync(new PlanReloadRefused(running.Sha256[..12], text)
        {
            Data = new Dictionary<string, string> { ["running_sha256"] = running.Sha256, ["problems"] = text },
        }, ct: ct);
    }

    /// <summary>The jobs of a plan, with the services they need.</summary>
    internal static IReadOnlyList<ScheduledJob> Jobs(DaemonState state, LoadedPlan plan, MaintenanceJournal journal)
    {
        var services = state.ReplaceServices(CompositionRoot.Compose(plan, state.Store, journal, state.Clock, state.RealTime, RunMode.Daemon, state.Logger));
        return services.Jobs();
    }
}
