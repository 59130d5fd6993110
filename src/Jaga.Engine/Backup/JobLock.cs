using System.Diagnostics;
using System.Security.Cryptography;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>The run lock of one backup job, held in the state store so that two processes (or two nodes) never run
/// the same job at once. The lease is renewed while the run lasts; a holder that died (kill -9) loses it when the lease
/// expires, or at once when it ran on this machine and its process is gone.</summary>
public sealed class JobLock : IAsyncDisposable
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    private readonly IBackupCatalog catalog;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task? renewing;

    private JobLock(IBackupCatalog catalog, JobLease? lease, JobLease? holder, TimeProvider clock)
    {
        this.catalog = catalog;
        Lease = lease;
        Holder = holder;
        if (lease is not null) renewing = RenewAsync(lease, clock);
    }

    /// <summary>The lease, or null when someone else holds the lock.</summary>
    public JobLease? Lease { get; }

    /// <summary>Cancelled when the lease could not be renewed before it expired, or was taken over: the run must stop.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Who holds the lock when <see cref="Lease"/> is null.</summary>
    public JobLease? Holder { get; }

    /// <summary>This process, as a lock owner: host (with its boot, so two machines of the same name or a reboot are told
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

    public static async Task<JobLock> AcquireAsync(IBackupCatalog catalog, string job, TimeProvider clock, CancellationToken ct)
    {
        var owner = NewOwner();
        var lease = await catalog.TryLockAsync(job, owner, Ttl, null, ct);
        JobLease? holder = null;
        if (lease is null)
        {
            holder = await catalog.LockHolderAsync(job, ct);
            if (holder is not null && IsDeadHereOwner(holder.Owner))
                lease = await catalog.TryLockAsync(job, owner, Ttl, holder.Owner, ct);
        }
        return new JobLock(catalog, lease, lease is null ? holder : null, clock);
    }

    /// <summary>True when <paramref name="owner"/> ran on this machine and its process no longer exists.</summary>
    public static bool IsDeadHereOwner(string owner)
    {
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

    private async Task RenewAsync(JobLease lease, TimeProvider clock)
    {
        var renewed = clock.GetUtcNow();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Ttl / 4, clock, stop.Token);
                if (await catalog.RenewLockAsync(lease, Ttl, stop.Token)) renewed = clock.GetUtcNow();
                else
                {
                    // Taken over: someone else runs this job now.
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
        if (Lease is not null)
        {
            try
            {
                await catalog.ReleaseLockAsync(Lease, CancellationToken.None);
            }
            catch (Exception)
            {
                // Not released: it expires after Ttl, or the next run on this machine proves this process gone.
            }
        }
        stop.Dispose();
        lost.Dispose();
    }
}
