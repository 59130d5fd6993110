using System.Threading.Channels;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Jaga.Engine.Monitoring;

/// <summary>Writes check results to the history in batches: whatever arrived since the last write, one transaction at a
/// time. A store that is down holds results in memory (bounded; the oldest are dropped and counted) and they are written
/// once it is back, so a store outage never stalls the checks themselves.</summary>
public sealed class CheckResultWriter : IAsyncDisposable
{
    private const int Capacity = 100_000;
    private const int BatchSize = 2_000;
    private readonly Channel<CheckResult> queue;
    private readonly ICheckHistory history;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();
    private long pending;
    private long dropped;

    public CheckResultWriter(ICheckHistory history, TimeProvider clock, ILogger logger)
    {
        this.history = history;
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<CheckResult>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                Interlocked.Decrement(ref pending);
                Interlocked.Increment(ref dropped);
            });
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    /// <summary>Results waiting to be written.</summary>
    public long Pending => Interlocked.Read(ref pending);

    /// <summary>Results dropped because the store stayed unreachable while more than the buffer's capacity arrived.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Add(CheckResult result)
    {
        Interlocked.Increment(ref pending);
        queue.Writer.TryWrite(result);
    }

    /// <summary>Waits until every result added so far is written (or <paramref name="ct"/> ends the wait).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        while (Pending > 0 && !loop.IsCompleted) await Task.Delay(TimeSpan.FromMilliseconds(20), clock, ct);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<CheckResult>(BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var r)) batch.Add(r);
                while (true)
                {
                    try
                    {
                        await history.RecordAsync(batch, CancellationToken.None);
                        break;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        if (logger.IsEnabled(LogLevel.Warning)) logger.LogWarning("check results not stored yet ({Count} waiting): {Message}", Pending, e.Message);
                        await Task.Delay(TimeSpan.FromSeconds(2), clock, ct);
                    }
                }
                Interlocked.Add(ref pending, -batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await loop.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                await stop.CancelAsync();
            }
        }
        stop.Dispose();
    }
}
