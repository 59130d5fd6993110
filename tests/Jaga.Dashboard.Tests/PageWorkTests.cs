using Microsoft.AspNetCore.Http;

namespace Jaga.Dashboard.Tests;

/// <summary>Page requests take turns (a few at once, the rest wait without a thread); health, heartbeat, metrics and asset
/// requests never wait.</summary>
public sealed class PageWorkTests
{
    [Fact]
    public async Task Marked_requests_run_a_few_at_a_time_and_the_rest_wait_their_turn_while_unmarked_ones_never_wait()
    {
        using var work = new PageWork();
        var permits = Math.Max(2, Environment.ProcessorCount);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        async Task Next(HttpContext _)
        {
            var now = Interlocked.Increment(ref running);
            lock (release) most = Math.Max(most, now);
            await release.Task;
            Interlocked.Decrement(ref running);
        }

        var pages = Enumerable.Range(0, permits + 5).Select(_ => work.Invoke(Request(marked: true), Next)).ToList();
        await WaitUntil(() => Volatile.Read(ref running) == permits);
        // A health request passes the queue while every turn is taken.
        var health = work.Invoke(Request(marked: false), _ => Task.CompletedTask);
        Assert.True(health.IsCompletedSuccessfully);
        Assert.Equal(permits, Volatile.Read(ref running));
        Assert.All(pages, p => Assert.False(p.IsCompleted));

        release.SetResult();
        await Task.WhenAll(pages);
        Assert.Equal(permits, most);
    }

    private static DefaultHttpContext Request(bool marked)
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, marked ? new EndpointMetadataCollection(PageWork.Mark) : EndpointMetadataCollection.Empty, "test"));
        return http;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the requests never started");
            await Task.Delay(10);
        }
    }
}
