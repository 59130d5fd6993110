using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>An <c>approve</c> step: the run waits (status waiting for approval, its lease still renewed) until as many
/// different people as the step asks have approved it with <c>jaga runbook approve RUN</c>, from any terminal or node. The
/// approvals are in the store, so a run resumed after a crash counts those given before it.</summary>
internal sealed class Approvals(RunbookServices s)
{
    public async Task<StepResult> WaitAsync(StepContext c, Approval approval, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var started = s.RealTime.GetTimestamp();
        var prompt = c.Redactor.Redact(c.Resolve(approval.Prompt));
        // Asked first: whoever sees the run waiting (jaga status, runbook runs) finds the question already on the terminal.
        c.Listener.Line?.Invoke(words.Format("exec.approve.ask", prompt, approval.Approvals, c.Run.Id));
        await s.Runs.SetStatusAsync(c.Run.Id, s.Node, RunbookRunStatus.WaitingApproval, s.Clock.GetUtcNow(), prompt, ct);
        await s.Journal.RecordAsync(new RunbookWaiting(c.Runbook.Name, c.Run.Id, c.Index + 1, approval.Approvals, prompt)
        {
            Data = new Dictionary<string, string> { ["runbook"] = c.Runbook.Name, ["run"] = c.Run.Id, ["step"] = c.Step.Name!, ["needed"] = $"{approval.Approvals}" },
        }, ct: ct);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var given = await s.Runs.ApprovalsAsync(c.Run.Id, c.Index, ct);
                foreach (var a in given.Where(a => !seen.Contains(a.By, StringComparer.Ordinal)))
                {
                    seen.Add(a.By);
                    c.Listener.Line?.Invoke(words.Format("exec.approve.seen", a.By, seen.Count, approval.Approvals));
                }
                if (seen.Count >= approval.Approvals) break;
                await Task.Delay(s.Poll, s.RealTime, ct);
            }
        }
        finally
        {
            // Back to running whether approved or not: a timeout or failure then ends the run as the executor decides. Also
            // when cancelled: the token is the step's timeout too, and a step after a timed-out approval (on_failure:
            // continue) must not run under "waiting for approval"; an interrupted run is ended right after this.
            await s.Runs.SetStatusAsync(c.Run.Id, s.Node, RunbookRunStatus.Running, s.Clock.GetUtcNow(), null, CancellationToken.None);
        }
        var by = string.Join(", ", seen);
        return new StepResult(StepOutcome.Succeeded, words.Format("reason.runbook.approved", by), s.RealTime.GetElapsedTime(started)) { Output = by, Tail = by };
    }
}
