using System.Diagnostics;

namespace Jaga.Daemon.Tests;

/// <summary>Waiting for a daemon to get somewhere by asking again and again: on a busy 2-core machine any fixed sleep is
/// either too short or wastes time.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"not within {timeout.TotalSeconds:0} s: {describe()}");
            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<bool> done, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(done()), timeout, describe);
}
