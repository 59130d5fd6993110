namespace Jaga.Core.Messages;

/// <summary>The texts of the record of runbook runs: the journal line of an approval, what <c>jaga runbook approve</c> and
/// <c>jaga runbook runs</c> print, and the words of run statuses and step outcomes. Kept beside
/// <see cref="RunbookRunCatalogId"/>, merged in <see cref="Catalog"/>.</summary>
internal static class RunbookRunCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["runbook.approved"] = "Step {0} of runbook {1} (run {2}) approved by {3} ({4}){5}",
        ["runbook.approved.count"] = "{0} of {1}",
        ["runbook.approved.count.unknown"] = "{0} so far; the number needed is unknown",
        ["runbook.approved.note"] = "; note: {0}",
        ["word.attempt.succeeded"] = "succeeded",
        ["word.attempt.failed"] = "failed",
        ["word.attempt.skipped"] = "skipped",
        ["word.attempt.timedout"] = "timed out",
        ["word.attempt.simulated"] = "simulated",
        ["word.attempt.interrupted"] = "interrupted",
        ["cli.runbook.run.invalid"] = "RUN: '{0}' is not a run id; a run id is 8 lower-case hex digits (its first 4 or more will do when no other run starts with them)",
        ["cli.runbook.run.unknown"] = "no runbook run '{0}'",
        ["cli.runbook.run.unknown.hint"] = "'jaga runbook runs' lists the runs and their ids",
        ["cli.runbook.run.ambiguous"] = "'{0}' is the start of several runs: {1}",
        ["cli.runbook.run.ambiguous.hint"] = "give more digits of the run id",
        ["cli.runbook.approve.not.waiting"] = "run {0} is not waiting for an approval (status {1})",
        ["cli.runbook.approve.not.waiting.hint"] = "'jaga runbook runs {0}' shows its steps; only a run paused at an approve step can be approved",
        ["cli.runbook.approve.twice"] = "{0} already approved step {1} of run {2}",
        ["cli.runbook.approve.twice.hint"] = "a second approval must come from someone else (--by NAME)",
        ["cli.runbook.approved"] = "Approved step {0} of run {1} ({2} of {3})",
        ["cli.runbook.approved.unknown"] = "Approved step {0} of run {1} ({2} so far; the plan no longer has this approve step, so the number needed is unknown)",
        ["cli.runbook.approve.continues"] = "enough approvals: the run continues",
        ["cli.runbook.approve.resume"] = "enough approvals: continue the run with jaga runbook resume {0}",
        ["cli.runbook.approve.more"] = "{0} more approval(s) needed, each from someone else",
        ["cli.runbook.approve.more.resume"] = "{0} more approval(s) needed, each from someone else; then continue the run with jaga runbook resume {1}",
        ["cli.runbook.approve.unknown.continues"] = "the run continues once its step has as many approvals as it needs",
        ["cli.runbook.approve.unknown.resume"] = "continue the run with jaga runbook resume {0}",
        ["cli.runbook.runs.columns"] = "ID|RUNBOOK|STATUS|TRIGGER|INCIDENT|STARTED|DURATION|BY|STEP",
        ["cli.runbook.runs.none"] = "No runbook runs yet.",
        ["cli.runbook.runs.none.of"] = "No runs of runbook {0} yet.",
        ["cli.runbook.runs.limit"] = "--limit: between 1 and {0}, not {1}",
        ["cli.runbook.runs.title"] = "Run {0} of runbook {1}: {2}",
        ["cli.runbook.runs.started"] = "Started: {0} by {1} (trigger {2})",
        ["cli.runbook.runs.ended"] = "Ended: {0}, after {1}",
        ["cli.runbook.runs.driven"] = "Driven by node {0}, lease until {1}; running for {2}",
        ["cli.runbook.runs.stale"] = "Node {0} held it until {1} and has not renewed it: continue it with jaga runbook resume {2}",
        ["cli.runbook.runs.incident"] = "Incident: #{0} (jaga incident show {0})",
        ["cli.runbook.runs.detail"] = "Detail: {0}",
        ["cli.runbook.runs.params"] = "Parameters:",
        ["cli.runbook.runs.params.none"] = "Parameters: none",
        ["cli.runbook.runs.steps"] = "Steps:",
        ["cli.runbook.runs.steps.none"] = "Steps: none started yet",
        ["cli.runbook.runs.attempt"] = "{0}. {1} ({2}), attempt {3}: {4} → {5}, {6}",
        ["cli.runbook.runs.attempt.open"] = "not ended",
        ["cli.runbook.runs.exit"] = ", exit code {0}",
        ["cli.runbook.runs.approval"] = "approved by {0} at {1}",
        ["cli.runbook.runs.approval.note"] = "; note: {0}",
    };
}
