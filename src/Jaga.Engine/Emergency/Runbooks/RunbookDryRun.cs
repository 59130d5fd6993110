using Jaga.Core.Errors;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>What a run would do, step by step, without doing it, each step labelled honestly (<see cref="DryRunLabel"/>):
/// a command is looked up on PATH, a URL's host is connected to (no request is sent), a check is probed, a restore finds
/// its backup and says what it would overwrite, a sleep or a log line is simulated, and what cannot be tried without
/// doing it (a backup, an e-mail) says so. Nothing is recorded. This is also the confirmation screen of
/// <c>jaga runbook run</c>.</summary>
public sealed class RunbookDryRun(RunbookServices s)
{
    /// <summary>One finding per step, in order. Templates that use earlier steps' outputs get a stand-in for them.</summary>
    public async Task<IReadOnlyList<DryRunCheck>> CheckAsync(Runbook runbook, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var words = s.Journal.Messages;
        var stand = runbook.Steps.ToDictionary(st => st.Name!, st => new Core.Emergency.StepOutput(words.Format("exec.dry.output", st.Name), 0), StringComparer.Ordinal);
        var run = new RunbookRun("dry-run", runbook.Name, parameters, "manual", null, "", s.Clock.GetUtcNow(), RunbookRunStatus.Running, null, null, s.Node, s.Clock.GetUtcNow());
        var found = new List<DryRunCheck>();
        for (var i = 0; i < runbook.Steps.Count; i++)
        {
            var c = new StepContext(run, runbook, i, parameters, stand, s.Plan, RunbookListener.None);
            DryRunCheck check;
            try
            {
                check = await CheckAsync(c, runbook.TimeoutOf(c.Step) ?? runbook.Timeout, ct);
            }
            catch (Exception e) when (e is UserException or BackupSourceException or DestinationException or IOException or System.Data.Common.DbException or HttpRequestException)
            {
                check = new DryRunCheck(DryRunLabel.PreconditionsChecked, false, c.Redactor.Redact(e.Message));
            }
            found.Add(check with { Reason = c.Redactor.Redact(check.Reason) });
        }
        return found;
    }

    private async Task<DryRunCheck> CheckAsync(StepContext c, TimeSpan timeout, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var dry = new StepDryRun(s.RealTime, c.Redactor, words);
        switch (c.Step)
        {
            case CommandStep run:
                return dry.Process(Specs.Process(c, run.Run, timeout, s.Plan));
            case HttpStep http:
                return await dry.HttpAsync(Specs.Http(c, http.Http, timeout), ct);
            case WaitStep wait:
                var check = s.Plan.Plan.Monitoring.Checks.First(k => k.Name == wait.WaitFor.Check);
                var now = await s.Probe(check, ct);
                // A check that is down now is what a runbook is for: the step would wait for it, so it is not a problem.
                return new DryRunCheck(DryRunLabel.PreconditionsChecked, true, words.Format(now.Passed ? "exec.dry.wait.up" : "exec.dry.wait.down",
                    check.Name, DurationValue.Format(wait.WaitFor.Timeout), now.Reason));
            case BackupStep backup:
                return new DryRunCheck(DryRunLabel.CannotSimulate, true, words.Format("exec.dry.backup", backup.Backup));
            case RestoreBackupStep restore:
                return await RestoreAsync(c, restore.Restore, ct);
            case NotifyStep { Notify.Contact: { } contact }:
                return new DryRunCheck(DryRunLabel.CannotSimulate, true, words.Format("exec.dry.contact", contact));
            case NotifyStep notify:
                var channel = s.Plan.Plan.Notify[notify.Notify.Channel!];
                if (channel.Webhook is { } url)
                {
                    var reach = await dry.HttpAsync(new HttpSpec(url), ct);
                    return reach with { Reason = words.Format("exec.dry.notify", notify.Notify.Channel, reach.Reason) };
                }
                return new DryRunCheck(DryRunLabel.CannotSimulate, true, words.Format("exec.dry.email", notify.Notify.Channel, channel.Email));
            case ApprovalStep approve:
                return new DryRunCheck(DryRunLabel.Simulated, true, words.Format("exec.dry.approve", approve.Approve.Approvals, c.Resolve(approve.Approve.Prompt)));
            case LogStep log:
                return new DryRunCheck(DryRunLabel.Simulated, true, words.Format("exec.dry.log", c.Resolve(log.Log.Message)));
            case SleepStep sleep:
                return dry.Sleep(sleep.Sleep);
            default:
                throw new InvalidOperationException($"no dry run for step kind {c.Step.Kind}");
        }
    }

    /// <summary>The backup is found (and whether its last verification passed), and the target is looked at: what is
    /// in it is what the restore would overwrite.</summary>
    private async Task<DryRunCheck> RestoreAsync(StepContext c, BackupRestore restore, CancellationToken ct)
    {
        var words = s.Journal.Messages;
        var record = await RestoreChoice.FindAsync(s.Backup.Catalog, restore.Backup, c.Resolve(restore.From), words, ct);
        var into = Specs.Target(c, restore.Into, s.Plan);
        var target = new BackupRestorer(s.Backup).Target(record, into, replace: true);
        var state = await target.InspectAsync(ct);
        var verified = RestoreChoice.Verified(record) ? words["exec.dry.verified"] : words["exec.dry.unverified"];
        var what = words.Format("exec.dry.restore", record.Artifact, record.Id, verified, target.Description);
        var overwrites = state.IsEmpty ? words["exec.restore.empty"] : $"{words["exec.restore.overwrites"]} {string.Join("; ", state.Contents)}";
        return new DryRunCheck(DryRunLabel.PreconditionsChecked, true, $"{what}; {overwrites}");
    }
}
