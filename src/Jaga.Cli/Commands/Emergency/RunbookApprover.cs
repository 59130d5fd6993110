using System.Globalization;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>One person's approval of the approve step a run waits at, as <c>jaga runbook approve</c> and the dashboard's
/// emergency page give it. The executor counts the approvals in the store, so this only records one (once per person) with
/// its log line, audit entry and incident line, and says how many the step still needs and whether the run goes on by itself.</summary>
internal static class RunbookApprover
{
    /// <summary>Records <paramref name="who"/>'s approval (both already checked and masked) of the step the run of
    /// <paramref name="given"/> (an id or the start of one) waits at; a user error when there is none or they approved it already.</summary>
    public static async Task<ApprovalGiven> ApproveAsync(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, string given, string who, string? note, Catalog words, CancellationToken ct)
    {
        var found = await RunbookRunInput.FindAsync(store.Runbooks, given, words, ct);
        var step = WaitingStep(found, await store.Runbooks.StepsAsync(found.Id, ct), words);
        var now = clock.GetUtcNow();
        if (!await store.Runbooks.ApproveAsync(found.Id, step.Index, who, now, note, ct))
            throw new UserError(words.Format("cli.runbook.approve.twice", who, step.Name, found.Id), words["cli.runbook.approve.twice.hint"]);
        var approvals = await store.Runbooks.ApprovalsAsync(found.Id, step.Index, ct);
        var count = approvals.Select(a => a.By).Distinct(StringComparer.Ordinal).Count();
        var needed = Needed(plan, found.Runbook, step);
        var approved = new RunbookApproved(found.Id, found.Runbook, step.Name, who, count, needed, note) { Data = Data(found, step, who, count, needed) };
        await journal.RecordAsync(approved, who, ct);
        if (found.IncidentId is { } incident)
            await new IncidentLog(store.Incidents, journal, clock).AddEventAsync(incident, IncidentEventKind.Approved, journal.Describe(approved), ct);
        return new ApprovalGiven(found, step, who, note, count, needed, approvals, RunbookRunInput.Driven(found, now));
    }

    /// <summary>The approve step the run waits at: the latest attempt of an approve step that has not ended, in a run that has
    /// not succeeded or been cancelled. A run whose driver died while it waited (interrupted, failed, or running under a lease
    /// that ran out) still takes the approval: a resume counts it. Null when there is none.</summary>
    public static RunbookStepAttempt? Waiting(RunbookRun run, IReadOnlyList<RunbookStepAttempt> attempts) =>
        run.Status is RunbookRunStatus.Succeeded or RunbookRunStatus.Cancelled
            ? null
            : Core.Emergency.StepAttempts.Latest(attempts).Values.LastOrDefault(a => a.Kind == ApprovalStep.KindWord && a.EndedAt is null);

    /// <summary>How many approvals the step needs, from the plan as it is now; null when the runbook or that approve step is
    /// gone from it (or the step at that place is another one).</summary>
    public static int? Needed(LoadedPlan plan, string runbook, RunbookStepAttempt step) =>
        plan.Plan.Emergency.Find(runbook)?.Steps.ElementAtOrDefault(step.Index) is ApprovalStep a && a.Name == step.Name ? a.Approve.Approvals : null;

    private static RunbookStepAttempt WaitingStep(RunbookRun run, IReadOnlyList<RunbookStepAttempt> attempts, Catalog words) =>
        Waiting(run, attempts) ?? throw new UserError(words.Format("cli.runbook.approve.not.waiting", run.Id, RunbookRunInput.Status(run.Status, words)),
            words.Format("cli.runbook.approve.not.waiting.hint", run.Id));

    private static Dictionary<string, string> Data(RunbookRun run, RunbookStepAttempt step, string who, int count, int? needed)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["run"] = run.Id,
            ["runbook"] = run.Runbook,
            ["step"] = step.Name,
            ["index"] = step.Index.ToString(CultureInfo.InvariantCulture),
            ["by"] = who,
            ["approvals"] = count.ToString(CultureInfo.InvariantCulture),
        };
        if (needed is { } k) data["needed"] = k.ToString(CultureInfo.InvariantCulture);
        if (run.IncidentId is { } i) data["incident"] = i.ToString(CultureInfo.InvariantCulture);
        return data;
    }
}

/// <summary>An approval recorded: the run and step, who and why, how many different people have approved the step of how
/// many it needs (null when the plan no longer says), and whether a node drives the run now.</summary>
internal sealed record ApprovalGiven(RunbookRun Run, RunbookStepAttempt Step, string By, string? Note, int Count, int? Needed, IReadOnlyList<RunbookApproval> Approvals, bool Driven)
{
    /// <summary>What was approved and what happens next, as one line.</summary>
    public string Line(Catalog words)
    {
        var head = Needed is { } k
            ? words.Format("cli.runbook.approved", Step.Name, Run.Id, Count, k)
            : words.Format("cli.runbook.approved.unknown", Step.Name, Run.Id, Count);
        return $"{head}; {Next(words)}";
    }

    private string Next(Catalog words) => Needed switch
    {
        null => Driven ? words["cli.runbook.approve.unknown.continues"] : words.Format("cli.runbook.approve.unknown.resume", Run.Id),
        { } k when Count >= k => Driven ? words["cli.runbook.approve.continues"] : words.Format("cli.runbook.approve.resume", Run.Id),
        { } k => Driven ? words.Format("cli.runbook.approve.more", k - Count) : words.Format("cli.runbook.approve.more.resume", k - Count, Run.Id),
    };
}
