using Jaga.Core.Plan;

namespace Jaga.Core.Monitoring;

/// <summary>Decides, result by result, a check's status and which alert (if any) to send: one down alert per outage,
/// reminders while it lasts, one recovery after it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Passes and failures are counted in a row; a warning counts as a pass.</item>
/// <item>Unknown becomes up on the first pass; unknown or up becomes down when failures reach <c>alert.after</c> (3 without
/// an <c>alert</c>); down becomes up when passes reach <c>recover_after</c> (1).</item>
/// <item>The down alert goes at the change unless held (a down parent, a maintenance window); if it was held, it goes with the
/// first failing result after the hold lifts. Held is reported once, at the change, so a long hold is one log line.</item>
/// <item>A reminder goes every <c>remind_every</c> after the last alert while down and not held.</item>
/// <item>The recovery goes when down becomes up, only if a down alert went out; a hold does not stop it (it closes the outage
/// people were told about).</item>
/// <item>A check without <c>alert.notify</c> still changes status (the log shows it) but sends nothing.</item>
/// </list></remarks>
public static class AlertPolicy
{
    public const int DefaultAfter = 3;
    public const int DefaultRecoverAfter = 1;

    public static AlertDecision Apply(CheckState state, CheckResult result, Alert? alert, AlertContext ctx)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ctx);
        var after = alert?.After ?? DefaultAfter;
        var recoverAfter = alert?.RecoverAfter ?? DefaultRecoverAfter;
        var notifies = alert is { Notify.Count: > 0 };
        var next = result.Passed
            ? state with { Failures = 0, Successes = state.Successes + 1, Reason = result.Reason }
            : state with { Failures = state.Failures + 1, Successes = 0, Reason = result.Reason };

        var to = state.Status switch
        {
            CheckStatus.Unknown when result.Passed => CheckStatus.Up,
            CheckStatus.Unknown or CheckStatus.Up when next.Failures >= after => CheckStatus.Down,
            CheckStatus.Down when next.Successes >= recoverAfter => CheckStatus.Up,
            _ => state.Status,
        };
        StatusChange? change = null;
        if (to != state.Status)
        {
            change = new StatusChange(state.Status, to);
            next = next with { Status = to, Since = result.At, LastAlertAt = to == CheckStatus.Down ? null : next.LastAlertAt };
        }

        AlertMessage? send = null;
        AlertHold? held = null;
        if (to == CheckStatus.Down && notifies)
        {
            var firstAlert = next.LastAlertAt is null;
            var reminder = !firstAlert && alert!.RemindEvery is { } every && ctx.Now - next.LastAlertAt >= every;
            // A result that passes without recovering yet (recover_after > 1) alerts nothing new.
            var due = change is not null || (!result.Passed && (firstAlert || reminder));
            if (due && ctx.HeldBy is not null)
            {
                if (change is not null) held = ctx.HeldBy;
            }
            else if (due && (firstAlert || reminder))
            {
                send = Message(firstAlert ? AlertKind.Down : AlertKind.Reminder, next, result, alert!, ctx);
                next = next with { LastAlertAt = ctx.Now };
            }
        }
        else if (change is { From: CheckStatus.Down, To: CheckStatus.Up })
        {
            if (state.LastAlertAt is not null && notifies) send = Message(AlertKind.Recovery, next, result, alert!, ctx, downSince: state.Since);
            next = next with { LastAlertAt = null };
        }
        return new AlertDecision(next, change, send, held);
    }

    private static AlertMessage Message(AlertKind kind, CheckState state, CheckResult result, Alert alert, AlertContext ctx, DateTimeOffset? downSince = null) =>
        new(ctx.Project, state.Check, kind, result.Reason, result.At, downSince ?? state.Since, alert.Runbook, alert.Notify);
}
