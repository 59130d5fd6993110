using Jaga.Core.Ports;
using Polly;
using Polly.Retry;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>Retries a destination's operations on transient failures (connection refused or reset, timeouts, 5xx), with
/// exponential backoff and jitter. Permanent failures (a refused login, a wrong host key) are not retried.</summary>
public sealed class DestinationRetry
{
    private readonly ResiliencePipeline pipeline;

    /// <param name="attempts">Tries in all, the first included.</param>
    /// <param name="firstDelay">The wait before the second try; it doubles after that.</param>
    /// <param name="waits">The clock the waits run on.</param>
    /// <param name="retrying">Told about each retry: the destination, the attempt that failed and why.</param>
    public DestinationRetry(int attempts, TimeSpan firstDelay, TimeProvider waits, Action<string, int, string>? retrying = null)
    {
        var options = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, attempts - 1),
            Delay = firstDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<DestinationException>(e => e.Transient),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is DestinationException e) retrying?.Invoke(e.Destination, args.AttemptNumber + 1, Reasons.Of(e));
                return ValueTask.CompletedTask;
            },
        };
        if (attempts <= 1) options.ShouldHandle = _ => PredicateResult.False();
        pipeline = new ResiliencePipelineBuilder { TimeProvider = waits }.AddRetry(options).Build();
    }

    /// <summary>Four tries, waiting about 1 s, 2 s and 4 s between them.</summary>
    public static DestinationRetry Default(TimeProvider waits, Action<string, int, string>? retrying = null) => new(4, TimeSpan.FromSeconds(1), waits, retrying);

    public ValueTask<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct) => pipeline.ExecuteAsync(action, ct);

    public ValueTask RunAsync(Func<CancellationToken, ValueTask> action, CancellationToken ct) => pipeline.ExecuteAsync(action, ct);
}
