using System.Collections.Concurrent;
using System.Globalization;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Engine.Monitoring;

/// <summary>Carries out one check: probe, verdict by its conditions, the result into the history, the alerting decision,
/// a maintenance-log line (and audit entry) for every state change, hold and silence, and alerts handed to the sink.</summary>
/// <remarks>A check's runs never overlap (the scheduler's claims), so the node running it owns its state for the run: on a
/// shared store the state is read from it before the decision (alone on SQLite, from memory), and saved after a change. The states of the other checks (parents,
/// for <c>depends_on</c>) come from a copy refreshed from the store every few seconds. Results are written in batches by
/// <see cref="CheckResultWriter"/> so that a thousand checks do not make a thousand transactions.</remarks>
public sealed class CheckMonitor(
    LoadedPlan plan, IStateStore store, MaintenanceJournal journal, IAlertSink alerts, Func<Check, ICheckProbe> probeFor,
    CheckResultWriter results, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ICheckProbe> probes = new(StringComparer.Ordinal);
    /// <summary>How old the copy of the other checks' states may get before it is read again.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private Task<ConcurrentDictionary<string, CheckState>>? loading;
    private long loadedAt;

    /// <summary>Where a check that goes down opens its incident and a recovery closes it; none when null.</summary>
    public IncidentLog? Incidents { get; init; }

    /// <summary>Runs <paramref name="check"/> once and acts on its result.</summary>
    public async Task<CheckRun> RunAsync(Check check, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var probe = probes.GetOrAdd(check.Name, _ => probeFor(check));
        var observation = await probe.ObserveAsync(ct);
        var result = CheckVerdict.Judge(check, observation, started, plan.Redactor, journal.Messages);
        return new CheckRun(result, await ActAsync(result, check.Alert, check.Name, ct));
    }

    /// <summary>Acts on a result of any check (the host monitor's too): stores it, decides, alerts, logs; returns the
    /// check's alerting status after it.</summary>
    public async Task<CheckStatus> ActAsync(CheckResult result, Alert? alert, string check, CancellationToken ct)
    {
        results.Add(result);
        var now = clock.GetUtcNow();
        // Its parents' states are read fresh when a down alert may be at stake, so that a parent that failed a moment ago
        // holds it; otherwise the copy will do.
        var parents = !result.Passed && plan.Plan.Monitoring.Checks.FirstOrDefault(c => c.Name == check)?.DependsOn.Count > 0;
        var known = parents ? await ReloadAsync(ct) : await StatesAsync(ct);
        // On a shared store the check's own state is read fresh: its previous run may have been another node's. Alone on
        // SQLite this node wrote it last, and the copy saves a read per run.
        var state = (store.Shared ? await store.Checks.StateAsync(check, ct) : known.GetValueOrDefault(check)) ?? CheckState.Initial(check, result.At);
        var held = Dependencies.HoldFor(plan.Plan, check, c => Failing(known, c), now, plan.Plan.Timezone);
        var decision = AlertPolicy.Apply(state, result, alert, new AlertContext(now, plan.Plan.Project, held));
        known[check] = decision.Next;
        if (decision.Next != state && !Settled(state, decision, alert)) await store.Checks.SaveStatesAsync([decision.Next], ct);
        (bool, Incident)? opening = null;
        Incident? recovering = null;
        try
        {
            // The incident is opened in the store (like the state just saved) before the alert goes, so that the alert's
            // delivery finds it for its timeline; its log line comes after the check's own. A recovery goes on the timeline
            // before the recovery alert for the same reason; the incident is closed after the check's line.
            if (Incidents is { } incidents && OpensIncident(decision, held)) opening = await incidents.CheckDownAsync(check, result.Reason, ct);
            if (decision.Change is { From: CheckStatus.Down, To: CheckStatus.Up } && Incidents is { } log) recovering = await log.CheckRecoveringAsync(check, result.Reason, ct);
        }
        finally
        {
            // The alert goes out before the log lines are written, and whether or not the incident could be opened: a log or
            // store that cannot be written (a full disk, perhaps the very outage alerted) must not keep it from going out.
            if (decision.Send is { } message) alerts.Enqueue(message);
        }
        if (decision.Change is { } change) await RecordChangeAsync(check, state, change.To, result, ct);
        if (opening is { } opened) await Incidents!.RecordOpenedAsync(opened, null, ct);
        if (recovering is { } recovered) await Incidents!.CloseRecoveredAsync(recovered, ct);
        if (decision.Send is null && decision.Held is { } why) await RecordHeldAsync(check, why, ct);
        return decision.Next.Status;
    }

    /// <summary>An incident opens when the check goes down by its alert rule, whether or not it notifies anyone, unless something
    /// holds it (a parent that is down has the incident; a maintenance window is planned), and when a held down alert goes out
    /// at last.</summary>
    private static bool OpensIncident(AlertDecision decision, AlertHold? held) =>
        (decision.Change is { To: CheckStatus.Down } && held is null) || decision.Send is { Kind: AlertKind.Down };

    /// <summary>Nothing worth a write: the same status, no alert, and counters that were and stay past their thresholds (a
    /// check that keeps passing only counts up and gets a new reason). Saves a store write per check run; the latest
    /// reason is in the history.</summary>
    private static bool Settled(CheckState before, AlertDecision decision, Alert? alert)
    {
        var next = decision.Next;
        return decision.Change is null && decision.Send is null && next.LastAlertAt == before.LastAlertAt
            && Saturated(before, alert) && Saturated(next, alert);
    }

    private static bool Saturated(CheckState s, Alert? alert) => s.Status switch
    {
        CheckStatus.Up => s.Failures == 0 && s.Successes >= (alert?.RecoverAfter ?? 1),
        CheckStatus.Down => s.Successes == 0 && s.Failures >= (alert?.After ?? 3),
        _ => false,
    };

    /// <summary>A parent holds its children's alerts while it is down, and also from its first failure on: parent and
    /// child usually fail together, and the child must not alert first.</summary>
    private static CheckStatus Failing(IReadOnlyDictionary<string, CheckState> known, string check) =>
        known.TryGetValue(check, out var s) ? (s.Failures > 0 ? CheckStatus.Down : s.Status) : CheckStatus.Unknown;

    private async Task RecordChangeAsync(string check, CheckState before, CheckStatus to, CheckResult result, CancellationToken ct)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["check"] = check,
            ["from"] = Word(before.Status),
            ["to"] = Word(to),
            ["reason"] = result.Reason,
        };
        if (to == CheckStatus.Down)
        {
            await journal.RecordAsync(new CheckDown(check, result.Reason) { Data = data }, ct: ct);
        }
        else if (before.Status == CheckStatus.Down)
        {
            var lasted = Lasted(result.At - before.Since);
            data["down_for"] = lasted;
            await journal.RecordAsync(new CheckRecovered(check, lasted, result.Reason) { Data = data }, ct: ct);
        }
        else
        {
            await journal.RecordAsync(new CheckUp(check, result.Reason) { Data = data }, ct: ct);
        }
    }

    private Task RecordHeldAsync(string check, AlertHold hold, CancellationToken ct)
    {
        return journal.RecordAsync(new AlertHeld(check, hold)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["check"] = check,
                ["held_by"] = hold.Kind == AlertHoldKind.ParentDown ? "parent" : "maintenance",
                ["name"] = hold.Name,
            },
        }, ct: ct);
    }

    /// <summary>The states, read from the store at first use and again when older than <see cref="Refresh"/>; a failed read
    /// (the store is down) is tried again next time.</summary>
    private Task<ConcurrentDictionary<string, CheckState>> StatesAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref loading);
        var stale = current is { IsCompletedSuccessfully: true } && clock.GetElapsedTime(Interlocked.Read(ref loadedAt)) > Refresh;
        if (current is null || current.IsFaulted || current.IsCanceled || stale)
        {
            var fresh = LoadAsync();
            current = Interlocked.CompareExchange(ref loading, fresh, current) == current ? fresh : Volatile.Read(ref loading)!;
        }
        return current.WaitAsync(ct);
    }

    private Task<ConcurrentDictionary<string, CheckState>> ReloadAsync(CancellationToken ct)
    {
        var fresh = LoadAsync();
        Volatile.Write(ref loading, fresh);
        return fresh.WaitAsync(ct);
    }

    private async Task<ConcurrentDictionary<string, CheckState>> LoadAsync()
    {
        Interlocked.Exchange(ref loadedAt, clock.GetTimestamp());
        var stored = await store.Checks.StatesAsync(CancellationToken.None);
        return new ConcurrentDictionary<string, CheckState>(stored.Select(s => KeyValuePair.Create(s.Check, s)), StringComparer.Ordinal);
    }

    public static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Up => "up",
        CheckStatus.Down => "down",
        _ => "unknown",
    };

    /// <summary>A duration as people say it: 45s, 12m, 3h5m, 2d4h.</summary>
    public static string Lasted(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var i = CultureInfo.InvariantCulture;
        if (span.TotalMinutes < 1) return string.Create(i, $"{(int)span.TotalSeconds}s");
        if (span.TotalHours < 1) return string.Create(i, $"{(int)span.TotalMinutes}m");
        if (span.TotalDays < 1) return span.Minutes == 0 ? string.Create(i, $"{(int)span.TotalHours}h") : string.Create(i, $"{(int)span.TotalHours}h{span.Minutes}m");
        return span.Hours == 0 ? string.Create(i, $"{(int)span.TotalDays}d") : string.Create(i, $"{(int)span.TotalDays}d{span.Hours}h");
    }
}
