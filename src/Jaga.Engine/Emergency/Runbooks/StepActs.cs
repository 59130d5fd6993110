using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Carries out one step of a run, whatever its kind, and says how it ended. Templates are filled in here, just
/// before the step acts, and every secret that went into them joins the step's redactor: what the step prints, returns or
/// records is masked with it. Never throws for what the step does (a command that fails, a check that stays down, an unset
/// variable): the result says it; a cancellation of the run is a <see cref="StepOutcome.Cancelled"/> result.</summary>
internal sealed class StepActs(RunbookServices s)
{
    private Catalog Words => s.Journal.Messages;

    public async Task<StepResult> RunAsync(StepContext c, CancellationToken ct)
    {
        var started = s.RealTime.GetTimestamp();
        var limit = c.Runbook.TimeoutOf(c.Step);
        using var timeout = limit is { } t && c.Step is not CommandStep ? new CancellationTokenSource(t, s.RealTime) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var result = await ActAsync(c, limit, linked.Token);
            // A runner that saw the token says "cancelled" whichever of the two fired: the step's limit is a timeout, only
            // the run's own cancellation (Ctrl+C, a shutdown, a lost lease) interrupts the run.
            if (ct.IsCancellationRequested && !result.Succeeded) return result with { Outcome = StepOutcome.Cancelled };
            if (result.Outcome == StepOutcome.Cancelled && timeout.IsCancellationRequested)
                return result with { Outcome = StepOutcome.TimedOut, Reason = Words.Format("reason.runbook.step.timeout", DurationValue.Format(limit!.Value)) };
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new StepResult(StepOutcome.Cancelled, Words.Format("reason.runbook.step.cancelled", DurationValue.Format(s.RealTime.GetElapsedTime(started))), s.RealTime.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new StepResult(StepOutcome.TimedOut, Words.Format("reason.runbook.step.timeout", DurationValue.Format(limit!.Value)), s.RealTime.GetElapsedTime(started));
        }
        catch (Exception e) when (e is UserException or BackupSourceException or DestinationException or AlertDeliveryException or HttpRequestException or TimeoutException or IOException)
        {
            var reason = e is UserException u && u.Hint is { } hint ? $"{e.Message} ({hint})" : e.Message;
            return new StepResult(StepOutcome.Failed, c.Redactor.Redact(reason), s.RealTime.GetElapsedTime(started));
        }
    }

    private Task<StepResult> ActAsync(StepContext c, TimeSpan? limit, CancellationToken ct) => c.Step switch
    {
        CommandStep run => CommandAsync(c, run.Run, limit ?? c.Runbook.Timeout, ct),
        HttpStep http => HttpAsync(c, http.Http, limit ?? c.Runbook.Timeout, ct),
        WaitStep wait => WaitAsync(c, wait.WaitFor, ct),
        BackupStep backup => BackupAsync(c, backup.Backup, ct),
        RestoreBackupStep restore => RestoreAsync(c, restore.Restore, ct),
        NotifyStep notify => NotifyAsync(c, notify.Notify, ct),
        ApprovalStep approve => new Approvals(s).WaitAsync(c, approve.Approve, ct),
        LogStep log => LogAsync(c, log.Log, ct),
        SleepStep sleep => new SleepStepRunner(s.RealTime, Words).RunAsync(sleep.Sleep, ct),
        _ => throw new InvalidOperationException($"no executor for step kind {c.Step.Kind}"),
    };

    private Task<StepResult> CommandAsync(StepContext c, RunCommand run, TimeSpan timeout, CancellationToken ct)
    {
        var spec = Specs.Process(c, run, timeout, s.Plan);
        return new ProcessStepRunner(s.RealTime, c.Redactor, Words) { Grace = s.Grace }.RunAsync(spec, c.Listener.Line, ct);
    }

    private Task<StepResult> HttpAsync(StepContext c, HttpRequest request, TimeSpan timeout, CancellationToken ct) =>
        new HttpStepRunner(s.Http, s.RealTime, c.Redactor, Words).RunAsync(Specs.Http(c, request, timeout), ct);

    private async Task<StepResult> WaitAsync(StepContext c, WaitFor wait, CancellationToken ct)
    {
        var check = s.Plan.Plan.Monitoring.Checks.FirstOrDefault(k => k.Name == wait.Check)
            ?? throw new UserException(Words.Format("reason.runbook.wait.check", wait.Check));
        var started = s.RealTime.GetTimestamp();
        var tries = 0;
        while (true)
        {
            tries++;
            var result = await s.Probe(check, ct);
            var reason = c.Redactor.Redact(result.Reason);
            if (result.Passed)
            {
                var done = Words.Format("reason.runbook.wait.passed", check.Name, DurationValue.Format(s.RealTime.GetElapsedTime(started)), tries, reason);
                return Text(StepOutcome.Succeeded, done, reason, started);
            }
            c.Listener.Line?.Invoke(Words.Format("exec.wait.down", check.Name, reason));
            await Task.Delay(s.Poll, s.RealTime, ct);
        }
    }

    private async Task<StepResult> BackupAsync(StepContext c, string job, CancellationToken ct)
    {
        var started = s.RealTime.GetTimestamp();
        var backupJob = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == job) ?? throw new UserException(Words.Format("reason.runbook.backup.job", job));
        var observer = new BackupObserver(Note: n => c.Listener.Line?.Invoke(c.Redactor.Redact(n)));
        var result = await new BackupRunner(s.Backup).RunAsync(backupJob, observer, ct);
        var summary = c.Redactor.Redact(result.Summary);
        c.Listener.Line?.Invoke(summary);
        // The output is the backup's id: a later step can restore exactly this one (from: ${steps.NAME.output}).
        var outcome = result.Succeeded ? StepOutcome.Succeeded : StepOutcome.Failed;
        return new StepResult(outcome, summary, s.RealTime.GetElapsedTime(started)) { Output = result.Record?.Id ?? "", Tail = summary };
    }

    private async Task<StepResult> RestoreAsync(StepContext c, BackupRestore restore, CancellationToken ct)
    {
        var started = s.RealTime.GetTimestamp();
        var into = Specs.Target(c, restore.Into, s.Plan);
        var record = await RestoreChoice.FindAsync(s.Backup.Catalog, restore.Backup, c.Resolve(restore.From), Words, ct);
        var restorer = new BackupRestorer(s.Backup);
        var target = restorer.Target(record, into, replace: true);
        var lines = new List<string> { Words.Format("exec.restore.what", record.Artifact, record.Id, c.Redactor.Redact(target.Description)) };
        var state = await target.InspectAsync(ct);
        if (state.IsEmpty) lines.Add(Words["exec.restore.empty"]);
        else lines.AddRange([Words["exec.restore.overwrites"], .. state.Contents.Select(i => "  " + i)]);
        foreach (var line in lines) c.Listener.Line?.Invoke(c.Redactor.Redact(line));
        var outcome = await restorer.RestoreAsync(record, target, null, ct);
        if (!outcome.Ok) return Text(StepOutcome.Failed, c.Redactor.Redact(outcome.Line), string.Join('\n', lines), started);
        var manifest = BackupRestorer.ManifestOf(record);
        var mismatches = RowCounts.Compare(manifest.Tables, await target.CountAsync(ct));
        var counted = mismatches.Count > 0
            ? Words.Format("reason.verify.rows", string.Join(", ", mismatches))
            : Words.Format(manifest.Source.Kind == SourceKind.Files ? "reason.verify.paths" : "reason.verify.tables", manifest.Tables.Count);
        lines.Add(counted);
        c.Listener.Line?.Invoke(counted);
        var reason = Words.Format("reason.runbook.restored", record.Artifact, c.Redactor.Redact(target.Description), counted);
        return Text(mismatches.Count > 0 ? StepOutcome.Failed : StepOutcome.Succeeded, reason, string.Join('\n', lines), started) with { Output = record.Id };
    }

    private async Task<StepResult> NotifyAsync(StepContext c, NotifyTarget target, CancellationToken ct)
    {
        var started = s.RealTime.GetTimestamp();
        var text = target.Message is { } m ? c.Resolve(m) : Words.Format("exec.notify.default", c.Runbook.Name, c.Index + 1);
        text = c.Redactor.Redact(text);
        var to = await s.Notifier.SendAsync(target, text, c.Run, c.Step.Name!, Words, ct);
        return Text(StepOutcome.Succeeded, Words.Format("reason.runbook.notified", to), text, started);
    }

    private async Task<StepResult> LogAsync(StepContext c, LogMessage log, CancellationToken ct)
    {
        var started = s.RealTime.GetTimestamp();
        var text = c.Redactor.Redact(c.Resolve(log.Message));
        var level = log.Level switch
        {
            RunbookLogLevel.Warn => Severity.Warn,
            RunbookLogLevel.Error => Severity.Error,
            _ => Severity.Info,
        };
        var entry = await s.Journal.RecordAsync(new RunbookLogged(c.Runbook.Name, c.Run.Id, text, level)
        {
            Data = new Dictionary<string, string> { ["runbook"] = c.Runbook.Name, ["run"] = c.Run.Id, ["step"] = c.Step.Name! },
        }, ct: ct);
        c.Listener.Line?.Invoke(entry.Line);
        return Text(StepOutcome.Succeeded, Words.Format("reason.runbook.logged", entry.Seq), text, started);
    }

    private StepResult Text(StepOutcome outcome, string reason, string output, long started) =>
        new(outcome, reason, s.RealTime.GetElapsedTime(started)) { Output = output, Tail = output.Length > Steps.StepOutput.TailSize ? output[^Steps.StepOutput.TailSize..] : output };
}
