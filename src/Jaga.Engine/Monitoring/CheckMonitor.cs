using System.Collections.Concurrent;
using System.Globalization;
using Jaga.Core.Ledger;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Engine.Monitoring;

/// <summary>Carries out one check: probe, verdict by its conditions, the result into the history, the alerting decision,
/// a maintenance-log line (and audit entry) for every state change, hold and silence, and alerts handed to the sink.</summary>
/// <remarks>Alerting states are read from the store once and then kept here, saved after every change: a check's runs never
/// overlap (the scheduler's claims), so one node owns a state while it runs the check. Results are written in batches by
/// <see cref="CheckResultWriter"/> so that a thousand checks do not make a thousand transactions.</remarks>
public sealed class CheckMonitor(
    LoadedPlan plan, IStateStore store, MaintenanceJournal journal, IAlertSink alerts, Func<Check, ICheckProbe> probeFor,
    CheckResultWriter results, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ICheckProbe> probes = new(StringComparer.Ordinal);
    private Task<ConcurrentDictionary<string, CheckState>>? loading;

    public LoadedPlan Plan => plan;

    /// <summary>Runs <paramref name="check"/> once and acts on its result.</summary>
    public async Task<CheckResult> RunAsync(Check check, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var probe = probes.GetOrAdd(check.Name, _ => probeFor(check));
        var observation = await probe.ObserveAsync(ct);
        var result = CheckVerdict.Judge(check, observation, started);
        await ActAsync(result, check.Alert, check.Name, ct);
        return result;
    }

    /// <summary>Acts on a result of any check (the host monitor's too): stores it, decides, logs and alerts.</summary>
    public async Task ActAsync(CheckResult result, Alert? alert, string check, CancellationToken ct)
    {
        results.Add(result);
        var known = await StatesAsync(ct);
        var now = clock.GetUtcNow();
        var state = known.TryGetValue(check, out var s) ? s : CheckState.Initial(check, result.At);
        var held = Dependencies.HoldFor(plan.Plan, check, c => known.TryGetValue(c, out var k) ? k.Status : CheckStatus.Unknown, now, plan.Plan.Timezone);
        var decision = AlertPolicy.Apply(state, result, alert, new AlertContext(now, plan.Plan.Project, held));
        known[check] = decision.Next;
        if (decision.Next != state) await store.Checks.SaveStatesAsync([decision.Next], ct);
        if (decision.Change is { } change) await RecordChangeAsync(check, state, change.To, result, ct);
        if (decision.Send is { } message) alerts.Enqueue(message);
        else if (decision.Held is { } why) await RecordHeldAsync(check, why, ct);
    }

    /// <summary>A check's alerting status as this monitor knows it (Unknown before its first result).</summary>
    public CheckStatus StatusOf(string check) =>
        Volatile.Read(ref loading) is { IsCompletedSuccessfully: true } done && done.Result.TryGetValue(check, out var s) ? s.Status : CheckStatus.Unknown;

    /// <summary>The alerting state of every check, as this monitor knows it.</summary>
    public async Task<IReadOnlyDictionary<string, CheckState>> CurrentStatesAsync(CancellationToken ct) => await StatesAsync(ct);

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
            await journal.RecordAsync(Severity.Error, "monitor.state", "monitor.down", [check, result.Reason], data, ct: ct);
        }
        else if (before.Status == CheckStatus.Down)
        {
            var lasted = Lasted(result.At - before.Since);
            data["down_for"] = lasted;
            await journal.RecordAsync(Severity.Info, "monitor.state", "monitor.up", [check, lasted, result.Reason], data, ct: ct);
        }
        else
        {
            await journal.RecordAsync(Severity.Info, "monitor.state", "monitor.first.up", [check, result.Reason], data, ct: ct);
        }
    }

    private Task RecordHeldAsync(string check, AlertHold hold, CancellationToken ct)
    {
        var why = hold.Kind == AlertHoldKind.ParentDown
            ? journal.Messages.Format("monitor.held.parent", hold.Name)
            : journal.Messages.Format("monitor.held.window", hold.Name);
        return journal.RecordAsync(Severity.Warn, "alert.held", "monitor.held", [check, why],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["check"] = check,
                ["held_by"] = hold.Kind == AlertHoldKind.ParentDown ? "parent" : "maintenance",
                ["name"] = hold.Name,
            }, ct: ct);
    }

    /// <summary>The states, read from the store at first use; a failed read (the store is down) is tried again next time.</summary>
    private Task<ConcurrentDictionary<string, CheckState>> StatesAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref loading);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            var fresh = LoadAsync();
            current = Interlocked.CompareExchange(ref loading, fresh, current) == current ? fresh : Volatile.Read(ref loading)!;
        }
        return current.WaitAsync(ct);
    }

    private async Task<ConcurrentDictionary<string, CheckState>> LoadAsync()
    {
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
