using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Starts the runbooks whose trigger fired, and takes over the runs of incidents whose driver died. A trigger fires
/// when its failure has an open incident: a check's (for at least <c>failing_for</c> since the incident opened), a backup
/// job's failure, a heartbeat check's missed ping. Each (incident, runbook) starts at most once across every node: the
/// store's <see cref="IRunbookRuns.StartForIncidentAsync"/> decides, as the job ledger decides a scheduled occurrence.</summary>
/// <remarks>Called on every tick of the daemon's trigger loop; cheap when nothing is open (one query). The runs it starts are
/// returned to the caller, who owns them and awaits them at shutdown.</remarks>
public sealed class RunbookTriggers(RunbookServices s)
{
    private readonly HashSet<(long Incident, string Runbook)> tried = [];

    /// <summary>The key of the incident that fires <paramref name="trigger"/>, and how long it must have been open.</summary>
    public static (string Key, TimeSpan After) Fires(RunbookTrigger trigger) => trigger switch
    {
        CheckTrigger c => (IncidentLog.CheckKey(c.Check), c.FailingFor ?? TimeSpan.Zero),
        HeartbeatTrigger h => (IncidentLog.CheckKey(h.Heartbeat), TimeSpan.Zero),
        BackupTrigger b => (IncidentLog.BackupKey(b.Backup), TimeSpan.Zero),
        _ => throw new InvalidOperationException($"no incident fires a trigger of type {trigger.GetType().Name}"),
    };

    /// <summary>Looks at the open incidents once and starts what is due; the runs go on in the returned tasks.</summary>
    /// <param name="runs">Interrupts the runs started (the daemon's stop).</param>
    /// <param name="ct">Cancels the look itself.</param>
    public async Task<IReadOnlyList<Task<RunbookOutcome?>>> TickAsync(CancellationToken runs, CancellationToken ct)
    {
        var triggered = s.Plan.Plan.Emergency.Runbooks.Where(r => r.Trigger is not null).ToList();
        if (triggered.Count == 0) return [];
        var open = await s.Incidents.Store.ListAsync(openOnly: true, 500, ct);
        var now = s.Clock.GetUtcNow();
        var started = new List<Task<RunbookOutcome?>>();
        var executor = new RunbookExecutor(s);
        foreach (var runbook in triggered)
        {
            var (key, after) = Fires(runbook.Trigger!);
            foreach (var incident in open.Where(i => i.Key == key && now - i.OpenedAt >= after))
            {
                if (!tried.Add((incident.Id, runbook.Name))) continue;
                started.Add(Task.Run(() => executor.StartForIncidentAsync(runbook, key, incident.Id, null, runs), CancellationToken.None));
            }
        }
        started.AddRange(await TakeOverAsync(open, executor, now, runs, ct));
        return started;
    }

    /// <summary>Runs of open incidents that are active under a lease that ran out: their driver died (a node killed mid-run).
    /// One node takes each over and resumes it from the step that did not finish.</summary>
    private async Task<IReadOnlyList<Task<RunbookOutcome?>>> TakeOverAsync(IReadOnlyList<Incident> open, RunbookExecutor executor, DateTimeOffset now, CancellationToken runs, CancellationToken ct)
    {
        if (open.Count == 0) return [];
        var incidents = open.Select(i => i.Id).ToHashSet();
        var resumed = new List<Task<RunbookOutcome?>>();
        foreach (var run in await s.Runs.ListAsync(null, 200, ct))
        {
            if (run.IncidentId is not { } id || !incidents.Contains(id) || run.LeaseUntil >= now) continue;
            if (run.Status is not (RunbookRunStatus.Running or RunbookRunStatus.WaitingApproval)) continue;
            if (s.Plan.Plan.Emergency.Find(run.Runbook) is not { } runbook) continue;
            if (await s.Runs.TryTakeOverAsync(run.Id, s.Node, now, s.Lease, ct) is not { } taken) continue;
            resumed.Add(Task.Run(async () => (RunbookOutcome?)await executor.ResumeAsync(taken, runbook, null, runs), CancellationToken.None));
        }
        return resumed;
    }
}
