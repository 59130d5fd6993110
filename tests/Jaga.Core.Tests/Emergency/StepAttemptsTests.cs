using Jaga.Core.Emergency;
using Jaga.Core.Ports;

namespace Jaga.Core.Tests.Emergency;

public sealed class StepAttemptsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 1, 0, 0, TimeSpan.Zero);

    private static RunbookStepAttempt Attempt(int index, int attempt, StepAttemptOutcome? outcome) =>
        new("0000000a", index, attempt, $"step-{index}", "run", T0, outcome is null ? null : T0, outcome, null, null, null, null);

    [Fact]
    public void A_resume_skips_the_steps_whose_latest_attempt_succeeded_whatever_order_the_attempts_come_in()
    {
        IReadOnlyList<RunbookStepAttempt> attempts =
        [
            Attempt(2, 2, StepAttemptOutcome.Failed),
            Attempt(0, 1, StepAttemptOutcome.Succeeded),
            Attempt(1, 2, StepAttemptOutcome.Succeeded), // succeeded on the second try
            Attempt(1, 1, StepAttemptOutcome.Interrupted),
            Attempt(2, 1, StepAttemptOutcome.Succeeded), // a later attempt of the same step failed: it runs again
            Attempt(3, 1, null), // still running when the process died
            Attempt(4, 1, StepAttemptOutcome.Skipped),
        ];

        Assert.Equal([0, 1], StepAttempts.Succeeded(attempts).Order());
        Assert.Equal([0, 1, 2, 3, 4], StepAttempts.Latest(attempts).Keys);
        Assert.Equal(2, StepAttempts.Latest(attempts)[2].Attempt);
    }

    [Fact]
    public void A_run_without_attempts_skips_nothing()
    {
        Assert.Empty(StepAttempts.Succeeded([]));
    }
}
