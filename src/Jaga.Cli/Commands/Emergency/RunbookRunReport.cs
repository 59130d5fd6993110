using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>One runbook run in full, as <c>jaga runbook runs RUN</c> prints it and the dashboard's emergency page shows it:
/// the run, every attempt at every step (with its output's tail) and the approvals of its approve steps.</summary>
internal sealed record RunbookRunReport(RunbookRun Run, IReadOnlyList<RunbookStepAttempt> Attempts, IReadOnlyList<RunbookApproval> Approvals)
{
    public static async Task<RunbookRunReport> LoadAsync(IRunbookRuns runs, RunbookRun run, CancellationToken ct)
    {
        var attempts = await runs.StepsAsync(run.Id, ct);
        var approvals = new List<RunbookApproval>();
        foreach (var index in attempts.Where(a => a.Kind == Core.Plan.ApprovalStep.KindWord).Select(a => a.Index).Distinct())
            approvals.AddRange(await runs.ApprovalsAsync(run.Id, index, ct));
        return new RunbookRunReport(run, attempts, approvals);
    }
}
