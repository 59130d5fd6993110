using Jaga.Core.Messages;
using Jaga.Engine.Emergency.Steps;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Engine.Tests.Emergency.Steps;

public sealed class SleepStepRunnerTests
{
    [Fact]
    public async Task A_sleep_waits_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        var sleeping = new SleepStepRunner(clock, Catalog.English).RunAsync(TimeSpan.FromMinutes(2));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(sleeping.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        var result = await sleeping;

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal("waited 2m", result.Reason);
        Assert.Equal(TimeSpan.FromMinutes(2), result.Duration);
    }

    [Fact]
    public async Task A_cancelled_sleep_ends_at_once_and_says_how_long_it_waited()
    {
        var clock = new FakeTimeProvider();
        using var cts = new CancellationTokenSource();
        var sleeping = new SleepStepRunner(clock, Catalog.Indonesian).RunAsync(TimeSpan.FromMinutes(10), cts.Token);

        clock.Advance(TimeSpan.FromSeconds(90));
        await cts.CancelAsync();
        var result = await sleeping;

        Assert.Equal(StepOutcome.Cancelled, result.Outcome);
        Assert.Equal("dibatalkan setelah 1m30s dari 10m", result.Reason);
    }
}
