namespace Jaga.Core.Plan;

/// <summary>A procedure for when the system fails: its parameters, what starts it, and its steps in order.</summary>
/// <param name="Name">The runbook's name (<c>jaga runbook show NAME</c>).</param>
/// <param name="Description">What it is for.</param>
/// <param name="Params">The values it is started with.</param>
/// <param name="Trigger">What starts it by itself; by hand only when null.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Timeout">How long each step may take unless it says otherwise (an <c>approve</c> step waits without limit
/// unless it has its own).</param>
/// <param name="Review">When a run is reviewed as a significant change: after (listed until reviewed) or before (refused until reviewed).</param>
public sealed record Runbook(
    string Name, string? Description, IReadOnlyList<RunbookParam> Params, TimeSpan Timeout, RunbookTrigger? Trigger, IReadOnlyList<RunbookStep> Steps,
    ReviewTiming Review = ReviewTiming.After)
{
    /// <summary>The steps, each with its name: its own <c>name:</c>, or its kind and position (<c>run-1</c>, <c>notify-3</c>),
    /// the name <c>${steps.NAME.output}</c> uses.</summary>
    public IReadOnlyList<RunbookStep> Steps { get; init; } = [.. Steps.Select((s, i) => s.Name is null ? s with { Name = RunbookStep.DefaultName(s.Kind, i) } : s)];

    /// <summary>How long <paramref name="step"/> may take: its own timeout, a <c>run</c> mapping's or a <c>wait_for</c>'s,
    /// else the runbook's; null for an <c>approve</c> step without one (it waits for people).</summary>
    public TimeSpan? TimeoutOf(RunbookStep step) => step switch
    {
        { Timeout: { } own } => own,
        CommandStep { Run.Timeout: { } run } => run,
        WaitStep w => w.WaitFor.Timeout,
        ApprovalStep => null,
        _ => Timeout,
    };
}
