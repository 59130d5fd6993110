using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>Carries out a <c>sleep</c> step: a wait on the given clock (a test moves a fake one), ended early by a
/// cancellation.</summary>
public sealed class SleepStepRunner(TimeProvider clock, Catalog words)
{
    public async Task<StepResult> RunAsync(TimeSpan duration, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        try
        {
            await Task.Delay(duration, clock, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var elapsed = clock.GetElapsedTime(started);
            return new StepResult(StepOutcome.Cancelled, words.Format("reason.step.sleep.cancelled", DurationValue.Format(elapsed), DurationValue.Format(duration)), elapsed);
        }
        return new StepResult(StepOutcome.Succeeded, words.Format("reason.step.sleep.done", DurationValue.Format(duration)), clock.GetElapsedTime(started));
    }
}
