using Jaga.Core.Ports;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Keeps a run's lease alive while its driver works: renewed every third of the lease. When the store says the run
/// was taken over (or has ended), or the lease could not be renewed before it ran out, <see cref="Lost"/> is cancelled and
/// the driver stops. The renewing task is owned here and awaited by <see cref="DisposeAsync"/>.</summary>
internal sealed class RunLease : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task loop;

    public RunLease(IRunbookRuns runs, string run, string node, TimeSpan lease, TimeProvider clock, TimeProvider realTime)
    {
        loop = Task.Run(() => RenewAsync(runs, run, node, lease, clock, realTime, stop.Token));
    }

    /// <summary>Cancelled when the run is no longer this driver's.</summary>
    public CancellationToken Lost => lost.Token;

    public bool IsLost => lost.IsCancellationRequested;

    private async Task RenewAsync(IRunbookRuns runs, string run, string node, TimeSpan lease, TimeProvider clock, TimeProvider realTime, CancellationToken ct)
    {
        var every = lease / 3;
        var renewed = realTime.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, realTime, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (!await runs.RenewAsync(run, node, clock.GetUtcNow(), lease, ct))
                {
                    await lost.CancelAsync();
                    return;
                }
                renewed = realTime.GetTimestamp();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (Scheduling.Faults.IsStoreFault(e))
            {
                // The store is away: keep trying while the lease lasts; after that another process may take the run.
                if (realTime.GetElapsedTime(renewed) >= lease)
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
        await loop;
        stop.Dispose();
        lost.Dispose();
    }
}
