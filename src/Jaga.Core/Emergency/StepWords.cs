using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Emergency;

/// <summary>A runbook step said in words for a person who follows it by hand, in the plan's language. Text fields are shown
/// as written, their <c>${…}</c> references unfilled, through the plan's redactor.</summary>
internal static class StepWords
{
    public static string Say(Runbook runbook, RunbookStep step, MaintenancePlan plan, Func<string, string> r, Catalog t)
    {
        var what = step switch
        {
            CommandStep { Run: var run } => Run(run, r, t),
            HttpStep { Http: var h } => t.Format("procedure.step.http", h.Method ?? "GET", r(h.Url))
                + (h.Expect.Count == 0 ? t["procedure.step.http.2xx"] : t.Format("procedure.step.http.expect", string.Join("; ", h.Expect.Select(c => $"`{r(c)}`")))),
            WaitStep { WaitFor: var w } => t.Format("procedure.step.wait", w.Check, DurationValue.Format(w.Timeout)),
            BackupStep b => t.Format("procedure.step.backup", b.Backup),
            RestoreBackupStep { Restore: var x } => t.Format("procedure.step.restore", From(x, t), x.Backup, r(x.Into)),
            NotifyStep { Notify: var n } => Notify(n, plan, r, t),
            ApprovalStep { Approve: var a } => t.Format("procedure.step.approve", r(a.Prompt))
                + (a.Approvals > 1 ? t.Format("procedure.step.approve.many", a.Approvals) : ""),
            LogStep { Log: var l } => t.Format("procedure.step.log", l.Level.ToString().ToUpperInvariant(), r(l.Message)),
            SleepStep s => t.Format("procedure.step.sleep", DurationValue.Format(s.Sleep)),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "a kind of runbook step the procedure cannot say"),
        };
        var limit = step is SleepStep or LogStep || runbook.TimeoutOf(step) is not { } timeout || step is WaitStep ? "" : t.Format("procedure.step.timeout", DurationValue.Format(timeout));
        var failure = step.OnFailure.Action switch
        {
            FailureAction.Stop => t["procedure.failure.stop"],
            FailureAction.Continue => t["procedure.failure.continue"],
            FailureAction.Runbook => t.Format("procedure.failure.runbook", step.OnFailure.Runbook),
        };
        var said = what + limit;
        // A quoted question or sentence already ends itself.
        if (!said.EndsWith('.') && !said.EndsWith(".”", StringComparison.Ordinal) && !said.EndsWith("?”", StringComparison.Ordinal)) said += ".";
        return $"{said} {failure} {t.Format("procedure.step.name", step.Name)}";
    }

    private static string Run(RunCommand run, Func<string, string> r, Catalog t)
    {
        var text = run.Shell
            ? t.Format("procedure.step.run", r(run.Command))
            : t.Format("procedure.step.run.args", r(run.Command), string.Join(" ", run.Args.Select(a => $"`{r(a)}`")));
        // Only the names of the variables: their values may be secrets, and the step fills them in when it runs.
        if (run.Env.Count > 0) text += t.Format("procedure.step.run.env", string.Join(", ", run.Env.Keys));
        if (run.Dir is not null) text += t.Format("procedure.step.run.dir", r(run.Dir));
        if (run.ExitCodes.Count > 0) text += t.Format("procedure.step.run.codes", string.Join(", ", run.Accepted));
        return text;
    }

    private static string From(BackupRestore x, Catalog t) => x.From switch
    {
        BackupRestore.Latest => t["procedure.from.latest"],
        BackupRestore.LatestVerified => t["procedure.from.verified"],
        var id => t.Format("procedure.from.id", id),
    };

    private static string Notify(NotifyTarget n, MaintenancePlan plan, Func<string, string> r, Catalog t)
    {
        var message = n.Message is null ? "" : t.Format("procedure.step.notify.message", r(n.Message));
        if (n.Channel is { } channel) return t.Format("procedure.step.notify", channel) + message;
        var contact = plan.Emergency.Contacts.FirstOrDefault(c => c.Name == n.Contact);
        var reach = contact is null ? "" : string.Join(", ", new[] { contact.Phone, contact.Email, contact.Chat }.OfType<string>().Select(r));
        return t.Format("procedure.step.notify.contact", n.Contact, reach) + message;
    }

    /// <summary>What starts the runbook, in words.</summary>
    public static string Trigger(RunbookTrigger? trigger, Catalog t) => trigger switch
    {
        null => t["procedure.trigger.manual"],
        CheckTrigger { FailingFor: { } f } c => t.Format("procedure.trigger.check.for", c.Check, DurationValue.Format(f)),
        CheckTrigger c => t.Format("procedure.trigger.check", c.Check),
        BackupTrigger b => t.Format("procedure.trigger.backup", b.Backup),
        HeartbeatTrigger h => t.Format("procedure.trigger.heartbeat", h.Heartbeat),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger.GetType().Name, "a kind of trigger the procedure cannot say"),
    };

    /// <summary>A parameter's type as the plan writes it.</summary>
    public static string Type(RunbookParam p) => EnumWord.Of(p.Type);
}
