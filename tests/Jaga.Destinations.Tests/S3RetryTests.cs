using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Jaga.S3;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Destinations.Tests;

public sealed class S3RetryTests
{
    [Fact]
    public async Task A_transient_failure_is_tried_four_times_in_all()
    {
        Assert.Equal(4, await AttemptsAsync(HttpStatusCode.ServiceUnavailable, "SlowDown"));
    }

    [Fact]
    public async Task A_permanent_failure_is_tried_once()
    {
        Assert.Equal(1, await AttemptsAsync(HttpStatusCode.Forbidden, "SignatureDoesNotMatch"));
    }

    [Fact]
    public async Task A_failure_that_passes_is_not_reported()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        ValueTask FailTwice(CancellationToken _) =>
            ++attempts < 3 ? throw Answer(HttpStatusCode.InternalServerError, "InternalError") : ValueTask.CompletedTask;
        var run = S3Retry.Create(time).ExecuteAsync(FailTwice).AsTask();
        await UntilDoneAsync(time, run);

        await run;
        Assert.Equal(3, attempts);
    }

    private static async Task<int> AttemptsAsync(HttpStatusCode status, string code)
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        ValueTask Fail(CancellationToken _)
        {
            attempts++;
            throw Answer(status, code);
        }
        var run = S3Retry.Create(time).ExecuteAsync(Fail).AsTask();
        await UntilDoneAsync(time, run);

        await Assert.ThrowsAsync<AmazonS3Exception>(() => run);
        return attempts;
    }

    /// <summary>Moves the fake clock on until the backoff delays have all passed.</summary>
    private static async Task UntilDoneAsync(FakeTimeProvider time, Task run)
    {
        for (var i = 0; i < 100 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }

    private static AmazonS3Exception Answer(HttpStatusCode status, string code) => new("", ErrorType.Sender, code, "request-1", status);
}
