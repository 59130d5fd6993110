using Polly;
using Polly.Retry;

namespace Jaga.S3;

/// <summary>The one retry policy of S3 calls: 4 attempts, exponential backoff from 200 ms with jitter, only on
/// failures worth retrying (<see cref="S3Failures.IsTransient"/>) and never once the caller cancelled.</summary>
internal static class S3Retry
{
    public static ResiliencePipeline Create(TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !args.Context.CancellationToken.IsCancellationRequested && S3Failures.IsTransient(e)),
            })
            .Build();
}
