using System.Threading.Channels;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Jaga.Engine.Monitoring;

/// <summary>Writes check results to the history in batches: whatever arrived within a second of the first, one
/// transaction at a time, not synced to disk (results are history; state changes are synced). A store that is down holds results in memory (bounded; the oldest are dropped and counted) and they are written
/// once it is back, so a store outage never stalls the checks themselves.</summary>
public sealed class CheckResultWriter : IAsyncDisposable
{
    private const int Capacity = 100_000;
    private const int BatchSize = 2_000;

    /// <summary>Tries of one batch, two seconds apart, before it is given up (a store outage longer than this drops results).</summary>
    private const int MaxAttempts = 90;
    private readonly Channel<CheckResult> queue;
    private readonly ICheckHistory history;
    private readonly ILogger logger;
    private readonly TimeProvider waits;
    private readonly ResiliencePipeline retry;
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();
    private long pending;
    private long dropped;

    /// <param name="history">Where results are written.</param>
    /// <param name="logger">Told of batches not stored yet, and of those given up.</param>
    /// <param name="waits">The clock of its pauses (polling a flush, waiting for the store to come back). They are not the
    /// plan's time: the composition root passes real time, even where a test fakes the plan's clock.</param>
    public CheckResultWriter(ICheckHistory history, ILogger logger, TimeProvider waits)
    {
        this.history = history;
        this.logger = logger;
        this.waits = waits;
        // A store that is down comes back; a batch it refuses for good must not stop the history of every check: after a
        // few minutes (MaxAttempts tries, two seconds apart) it is given up, counted and said.
        retry = new ResiliencePipelineBuilder { TimeProvider = waits }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = MaxAttempts - 1,
                Delay = TimeSpan.FromSeconds(2),
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e and not OutOfMemoryException && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Warning))
                        logger.LogWarning("check results not stored yet ({Count} waiting, {Dropped} dropped so far): {Message}", Pending, Dropped, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        queue = Channel.CreateBounded<CheckResult>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ =>
            {
                Interlocked.Decrement(ref pending);
                Interlocked.Increment(ref dropped);
            });
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    /// <summary>How long results gather after the first of a batch arrives before they are written together (a second by
    /// default: a thousand checks every ten seconds are then one write a second, not a hundred).</summary>
    public TimeSpan Gather { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Results waiting to be written.</summary>
    public long Pending => Interlocked.Read(ref pending);

    /// <summary>Results dropped because the store stayed unreachable while more than the buffer's capacity arrived.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Add(CheckResult result)
    {
        Interlocked.Increment(ref pending);
        queue.Writer.TryWrite(result);
    }

    /// <summary>Waits until every result added so far is written, or <paramref name="deadline"/> (default 30 s) passed;
    /// false when results are still waiting.</summary>
    public async Task<bool> FlushAsync(CancellationToken ct, TimeSpan? deadline = null)
    {
        var started = waits.GetTimestamp();
        var limit = deadline ?? TimeSpan.FromSeconds(30);
        while (Pending > 0 && !loop.IsCompleted && waits.GetElapsedTime(started) < limit) await Task.Delay(TimeSpan.FromMilliseconds(20), waits, ct);
        return Pending <= 0;
    }

    /// <summary>Control characters (a NUL from a plugin's output) have no place in a reason, and PostgreSQL refuses NUL.</summary>
    private static CheckResult Clean(CheckResult r) =>
        r.Reason.Any(c => char.IsControl(c) && c is not '\t') ? r with { Reason = new string([.. r.Reason.Select(c => char.IsControl(c) && c is not '\t' ? ' ' : c)]) } : r;

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<CheckResult>(BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < BatchSize && queue.Reader.TryRead(out var r)) batch.Add(Clean(r));
                if (batch.Count < BatchSize && Gather > TimeSpan.Zero)
                {
                    // Checks spread over their period finish a few at a time: a moment's wait makes their results one write.
                    await Task.Delay(Gather, waits, ct);
                    while (batch.Count < BatchSize && queue.Reader.TryRead(out var r)) batch.Add(Clean(r));
                }
                try
                {
                    await retry.ExecuteAsync(_ => new ValueTask(history.RecordAsync(batch, CancellationToken.None)), ct);
                }
                catch (Exception e) when (e is not OutOfMemoryException && !ct.IsCancellationRequested)
                {
                    Interlocked.Add(ref dropped, batch.Count);
                    if (logger.IsEnabled(LogLevel.Error)) logger.LogError("{Count} check results given up after {Attempts} tries: {Message}", batch.Count, MaxAttempts, e.Message);
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
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10), waits))
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
