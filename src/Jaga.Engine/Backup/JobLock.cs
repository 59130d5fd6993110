using System.Diagnostics;
using System.Security.Cryptography;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>A run of a backup job started by hand (<c>jaga backup run</c>), claimed in the scheduler's job runs as the
/// scheduler claims its own: under the job's scheduler id, at the time it starts, so no node's scheduler and no other
/// process runs the same job at once. The lease is renewed while the run lasts; a holder that died (kill -9) loses it
/// when the lease expires (a scheduler declares it lost), or at once when it ran on this machine and its process is gone.</summary>
public sealed class JobLock : IAsyncDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private readonly IJobRuns runs;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task? renewing;
    private (RunOutcome Outcome, string? Detail) end = (RunOutcome.Interrupted, "the run ended without a result");

    private JobLock(IJobRuns runs, JobRun? run, JobRun? holder, TimeProvider clock)
    {
        this.runs = runs;
        this.clock = clock;
        Run = run;
        Holder = holder;
        if (run is not null) renewing = RenewAsync(run);
    }

    /// <summary>The claimed run, or null when someone else runs the job.</summary>
    public JobRun? Run { get; }

    /// <summary>Cancelled when the lease could not be renewed before it expired, or was taken over: the run must stop.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>The run that holds the job when <see cref="Run"/> is null (null when it ended meanwhile).</summary>
    public JobRun? Holder { get; }

    /// <summary>This process, as a run's node: host (with its boot, so two machines of the same name or a reboot are told
    /// apart), process id, and a random part for several runs in one process.</summary>
    public static string NewOwner() => $"{Host}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    private static readonly string Host = Environment.MachineName + "/" + BootId();

    private static string BootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim()[..8];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return "?";
        }
    }

    /// <summary>Claims <paramref name="job"/> (its scheduler id) now for this process; when another run holds it and that run's
    /// process ran here and is gone, declares it lost and claims again.</summary>
    public static async Task<JobLock> AcquireAsync(IJobRuns runs, string job, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var owner = NewOwner();
        var run = await TryClaimAsync(runs, job, owner, clock, ct);
        JobRun? holder = null;
        if (run is null)
        {
            holder = await runs.RunningAsync(job, ct);
            if (holder is not null && IsDeadHereOwner(holder.Node)
                && await runs.DeclareDeadAsync(holder, clock.GetUtcNow(), $"its process ({holder.Node}) is gone", ct))
                run = await TryClaimAsync(runs, job, owner, clock, ct);
        }
        return new JobLock(runs, run, run is null ? holder : null, clock);
    }

    private static async Task<JobRun?> TryClaimAsync(IJobRuns runs, string job, string owner, TimeProvider clock, CancellationToken ct)
    {
        // The occurrence is the start, in whole milliseconds as the stores keep occurrences.
        var now = AuditEntry.ToMilliseconds(clock.GetUtcNow());
        var (result, run) = await runs.TryClaimAsync(job, now, owner, now, Ttl, ct);
        return result == ClaimResult.Claimed ? run : null;
    }

    /// <summary>True when <paramref name="owner"/> ran on this machine and its process no longer exists.</summary>
    public static bool IsDeadHereOwner(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var parts = owner.Split(':');
        if (parts.Length != 3 || parts[0] != Host || Host.EndsWith("/?", StringComparison.Ordinal) || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>How the run ended, recorded when the lock is let go (else it is recorded as interrupted).</summary>
    public void End(RunOutcome outcome, string? detail) => end = (outcome, detail);

    private async Task RenewAsync(JobRun run)
    {
        var renewed = clock.GetUtcNow();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Ttl / 4, clock, stop.Token);
                if (await runs.RenewAsync(run, clock.GetUtcNow(), Ttl, stop.Token)) renewed = clock.GetUtcNow();
                else
                {
                    // Declared lost (taken over): someone else may run this job now.
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception)
            {
                // The store went away for a moment: the lease lasts Ttl, and the next renewal may succeed. Past that, stop.
                if (clock.GetUtcNow() - renewed >= Ttl)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (renewing is not null) await renewing;
        if (Run is not null)
        {
            try
            {
                await runs.FinishAsync(Run, end.Outcome, clock.GetUtcNow(), end.Detail, CancellationToken.None);
            }
            catch (Exception)
            {
                // Not recorded: the lease expires after Ttl and a scheduler declares the run lost, or the next run on this
                // machine proves this process gone.
            }
        }
        stop.Dispose();
        lost.Dispose();
    }
}
