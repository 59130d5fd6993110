namespace Jaga.Core.Tests.Journal;

/// <summary>The audit kind and the message of every event, as Steps 1–4 wrote them: audit chains already hold these kinds,
/// and queries, tests and users' scripts match on them. Changing one here is changing a contract.</summary>
public sealed class JournalEventKindsTests
{
    private static readonly Dictionary<string, (string Kind, string Message)> Expected = new(StringComparer.Ordinal)
    {
        ["AuditVerified"] = ("audit.verify", "audit.verified"),
        ["AuditVerifyFailed"] = ("audit.verify", "audit.verify.failed"),
        ["CheckpointSigned"] = ("audit.checkpoint", "audit.checkpoint"),
        ["SigningKeyCreated"] = ("audit.key", "audit.key.created"),
        ["BackupBusy"] = ("backup.run", "backup.busy"),
        ["BackupCatalogRebuilt"] = ("backup.reindex", "backup.reindexed"),
        ["BackupFailed"] = ("backup.run", "backup.failed"),
        ["BackupInterrupted"] = ("backup.interrupted", "backup.interrupted"),
        ["BackupLeftoverRemoved"] = ("backup.cleanup", "backup.leftover.removed"),
        ["BackupPartial"] = ("backup.run", "backup.partial"),
        ["BackupPruneFailed"] = ("backup.prune", "backup.prune.failed"),
        ["BackupPruned"] = ("backup.prune", "backup.pruned"),
        ["BackupRestoreFailed"] = ("backup.restore", "backup.restore.failed"),
        ["BackupRestored"] = ("backup.restore", "backup.restored"),
        ["BackupStopped"] = ("backup.run", "backup.stopped"),
        ["BackupTimedOut"] = ("backup.run", "backup.timedout"),
        ["BackupVerified"] = ("backup.verify", "backup.verified"),
        ["BackupVerifyFailed"] = ("backup.verify", "backup.verify.failed"),
        ["DatabaseBackupFinished"] = ("backup.run", "backup.done"),
        ["FilesBackupFinished"] = ("backup.run", "backup.files.done"),
        ["DaemonStarted"] = ("daemon.start", "daemon.started"),
        ["DaemonStopped"] = ("daemon.stop", "daemon.stopped"),
        ["DrillFailed"] = ("drill.restore", "drill.failed"),
        ["DrillSucceeded"] = ("drill.restore", "drill.succeeded"),
        ["IncidentAcknowledged"] = ("incident.ack", "incident.acknowledged"),
        ["IncidentClosed"] = ("incident.close", "incident.closed"),
        ["IncidentOpened"] = ("incident.open", "incident.opened"),
        ["RunbookLogged"] = ("runbook.log", "runbook.logged"),
        ["RunbookRunEnded"] = ("runbook.run", "runbook.ended"),
        ["RunbookRunStarted"] = ("runbook.run", "runbook.started"),
        ["RunbookStepEnded"] = ("runbook.step", "runbook.step.ended"),
        ["RunbookStepStarted"] = ("runbook.step", "runbook.step.started"),
        ["RunbookWaiting"] = ("runbook.step", "runbook.waiting"),
        ["LogActionFailed"] = ("logs.failed", "logs.failed"),
        ["LogCompressed"] = ("logs.compress", "logs.compressed"),
        ["LogCopyTruncated"] = ("logs.rotate", "logs.copytruncated"),
        ["LogDeleted"] = ("logs.delete", "logs.deleted"),
        ["LogMissing"] = ("logs.missing", "logs.missing"),
        ["LogRotated"] = ("logs.rotate", "logs.rotated"),
        ["PostRotateFailed"] = ("logs.post_rotate", "logs.postrotate.failed"),
        ["PostRotateRan"] = ("logs.post_rotate", "logs.postrotate"),
        ["RunbookApproved"] = ("runbook.approve", "runbook.approved"),
        ["DependencyAuditFinished"] = ("deps.audit", "deps.audit.finished"),
        ["AdvisorySuppressed"] = ("deps.suppress", "deps.suppressed"),
        ["AlertHeld"] = ("alert.held", "monitor.held"),
        ["CheckDown"] = ("monitor.state", "monitor.down"),
        ["CheckRecovered"] = ("monitor.state", "monitor.up"),
        ["CheckUp"] = ("monitor.state", "monitor.first.up"),
        ["ChecksRunByHand"] = ("monitor.check", "monitor.checked"),
        ["HistoryCompacted"] = ("monitor.history", "history.compacted"),
        ["HostSummarized"] = ("monitor.host", "monitor.host"),
        ["PingReceived"] = ("monitoring.ping", "ping.received"),
        ["PatchesChecked"] = ("patches.check", "patches.checked"),
        ["SecurityPatchApplied"] = ("patches.apply", "patches.applied"),
        ["SecurityPatchesFailed"] = ("patches.apply", "patches.failed"),
        ["AlertDropped"] = ("notify.dropped", "notify.dropped"),
        ["AlertFailed"] = ("notify.failed", "notify.failed"),
        ["AlertSent"] = ("notify.sent", "notify.sent"),
        ["PlanChanged"] = ("plan.change", "plan.changed"),
        ["PlanLoaded"] = ("plan.load", "plan.loaded"),
        ["PlanReloadNeedsRestart"] = ("plan.change", "plan.reload.restart"),
        ["PlanReloadRefused"] = ("plan.change", "plan.reload.invalid"),
        ["PlanRendered"] = ("plan.render", "plan.rendered"),
        ["PlanWritten"] = ("plan.init", "init.written"),
        ["JobCatchingUp"] = ("scheduler.catchup", "job.catchup"),
        ["JobCrashed"] = ("scheduler.crash", "job.crashed"),
        ["JobInterrupted"] = ("scheduler.interrupt", "job.interrupted"),
        ["JobRunLost"] = ("scheduler.lost", "job.lost"),
        ["JobSkipped"] = ("scheduler.skip", "job.skipped"),
        ["JobTimedOut"] = ("scheduler.timeout", "job.timeout"),
        ["AdvisoriesImported"] = ("deps.db", "deps.db.updated"),
        ["UpdateApplied"] = ("update.apply", "update.dependency"),
        ["UpdateRecovered"] = ("update.rollback", "update.recovered"),
        ["UpdateRolledBack"] = ("update.rollback", "update.rolled.back"),
        ["UpdateTestsFailing"] = ("update.apply", "update.tests.failing"),
    };

    [Fact]
    public void Every_event_keeps_the_audit_kind_and_message_it_had()
    {
        var actual = JournalEventSamples.Types.ToDictionary(
            t => t.Name, t => JournalEventSamples.Of(t).Select(e => (e.Kind, e.MessageKey)).Distinct().Single(), StringComparer.Ordinal);

        Assert.Equal(Expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
