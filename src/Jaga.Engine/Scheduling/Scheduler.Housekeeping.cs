using Jaga.Core.Journal.Events.Scheduling;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>A lost run is tried again at most this often per occurrence (attempt 1 and one retry), so a job that brings its
    /// node down cannot bring every node down in turn.</summary>
    public const int MaxAttempts = 2;

    /// <summary>The plan this node runs, reported with its heartbeat; set again on every reload.</summary>
    public string PlanSha256 { get; set; } = "";

    private DateTimeOffset? started;

    /// <summary>The node's beat, the renewal of its running claims, and the recovery of runs whose node went silent.</summary>
    private async Task HousekeepAsync(DateTimeOffset now, CancellationToken stopping, bool retryLost = true)
    {
        await nodes.BeatAsync(new NodeInfo(options.Node, Environment.MachineName, Environment.ProcessId, JagaVersion.Current,
            started ??= now, now, PlanSha256, null), stopping);
        await ShareOwnedAsync(now, stopping);
        await RenewAsync(now, stopping);
        foreach (var expired in await ledger.ExpiredAsync(now, stopping))
        {
            Slot? slot;
            lock (gate)
            {
                jobs.TryGetValue(expired.Job, out slot);
                if (slot?.Execution?.Run.Id == expired.Id) continue;
            }
            var retry = retryLost && slot is { Removed: false, Execution: null } && slot.Job.CatchUp == CatchUp.Once && expired.Attempt < MaxAttempts;
            var detail = journal.Format(new JobRunLost(expired.Job, journal.Local(expired.Occurrence), expired.Node, RunAgain: false));
            var (declared, again) = await ledger.DeclareLostAsync(expired, options.Node, now, options.Lease, retry, detail, stopping);
            if (!declared) continue;
            await journal.RecordAsync(new JobRunLost(expired.Job, journal.Local(expired.Occurrence), expired.Node, RunAgain: again is not null)
            {
                Data = new Dictionary<string, string> { ["job"] = expired.Job, ["occurrence"] = expired.Occurrence.UtcDateTime.ToString("O"), ["node"] = expired.Node, ["attempt"] = expired.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, stopping);
            if (again is not null && slot is not null) Start(slot, again, onTime: false, stopping);
        }
    }

    /// <summary>The live nodes between which the owned jobs are split, as of the last beat; null before it (this node owns
    /// every owned job then).</summary>
    private volatile IReadOnlyList<string>? owners;

    /// <summary>Whether this node runs the owned job <paramref name="job"/> (see <see cref="Ownership"/>).</summary>
    private bool Owns(string job) => owners is not { } o || Ownership.Of(o, job) == options.Node;

    /// <summary>Reads the live nodes once per beat (the renewal of this node's lease on its owned jobs) and splits the
    /// owned jobs between them (<see cref="Ownership.Owners"/>).</summary>
    private async Task ShareOwnedAsync(DateTimeOffset now, CancellationToken stopping)
    {
        lock (gate)
            if (!jobs.Values.Any(s => s.Job.Owned)) return;
        var all = await nodes.NodesAsync(stopping);
        owners = Ownership.Owners(all, options.Node, now, options.Lease, options.Housekeeping * 2, n => options.LocalStore && GoneHere(n));
    }

    /// <summary>A node of this machine whose process no longer exists (a crash): on a local store it is gone without
    /// waiting for its lease.</summary>
    private static bool GoneHere(NodeInfo n)
    {
        if (n.Host != Environment.MachineName || n.Pid == Environment.ProcessId) return false;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(n.Pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Extends the lease of every run of this node; a run whose claim is gone (declared lost while this node could
    /// not reach the store) is stopped, since another node has taken it over.</summary>
    private async Task RenewAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<Execution> running;
        lock (gate) running = [.. jobs.Values.Select(s => s.Execution).OfType<Execution>().Where(e => !e.Owned)];
        foreach (var execution in running)
        {
            if (execution.Finished || await ledger.RenewAsync(execution.Run, now, options.Lease, ct)) continue;
            if (execution.Done) continue;
            logger.LogWarning("{Job}: this node's claim was taken over by another node; stopping the run here", execution.Run.Job);
            execution.LostClaim = true;
            await execution.Stop.CancelAsync();
        }
    }

    /// <summary>After the loop stops: running jobs get the shutdown timeout to finish (their claims still renewed), then
    /// are cancelled and recorded as interrupted; the node is marked stopped.</summary>
    private async Task DrainAsync()
    {
        List<Execution> running;
        lock (gate)
        {
            // No run started now (RunNowAsync) escapes the wait below.
            draining = true;
            running = [.. jobs.Values.Select(s => s.Execution).OfType<Execution>()];
        }
        var all = Task.WhenAll(running.Select(e => e.Task));
        var deadline = clock.GetUtcNow() + options.ShutdownTimeout;
        while (!all.IsCompleted && clock.GetUtcNow() < deadline)
        {
            var wait = Min(options.Housekeeping, deadline - clock.GetUtcNow());
            await Task.WhenAny(all, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock));
            try { await RenewAsync(clock.GetUtcNow(), CancellationToken.None); }
            catch (Exception e) when (Faults.IsStoreFault(e)) { logger.LogWarning("could not renew claims while stopping: {Reason}", e.Message); }
        }
        if (!all.IsCompleted)
        {
            foreach (var e in running.Where(e => !e.Task.IsCompleted)) await e.Stop.CancelAsync();
            await Task.WhenAny(all, Task.Delay(options.AbandonAfter, clock));
            // All at once: each may wait for a state store that is away, and the host's stop timeout is for all of them.
            await Task.WhenAll(running.Where(e => !e.Task.IsCompleted)
                .Select(e => FinishAsync(e, RunOutcome.Interrupted, journal.Format(new JobInterrupted(e.Run.Job)), new CancellationToken(true))));
        }
        try { await nodes.NodeStoppedAsync(options.Node, clock.GetUtcNow()); }
        catch (Exception e) when (Faults.IsStoreFault(e)) { logger.LogWarning("could not mark this node stopped: {Reason}", e.Message); }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
