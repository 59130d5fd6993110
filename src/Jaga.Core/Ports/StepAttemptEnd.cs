namespace Jaga.Core.Ports;

/// <summary>How a step attempt ended, as the executor reports it. The texts are stored as given: the caller masks secrets and
/// bounds them first.</summary>
/// <param name="Outcome"></param>
/// <param name="At"></param>
/// <param name="ExitCode">A <c>run</c> step's exit code, or null.</param>
/// <param name="Output">The step's output for later steps (<c>${steps.NAME.output}</c>, also after a resume): masked, at most
/// <see cref="MaxOutputChars"/>.</param>
/// <param name="OutputTail">The end of the output for people (the record, the log): masked, at most <see cref="MaxTailChars"/>.</param>
/// <param name="Detail">Why it ended so (the timeout, the failing condition), masked.</param>
public sealed record StepAttemptEnd(StepAttemptOutcome Outcome, DateTimeOffset At, int? ExitCode, string? Output, string? OutputTail, string? Detail)
{
    /// <summary>64 KiB of text: the most of a step's output the store keeps for later steps.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>4 KiB of text: the most of an output's tail the store keeps.</summary>
    public const int MaxTailChars = 4 * 1024;
}
