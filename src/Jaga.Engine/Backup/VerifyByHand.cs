using Jaga.Core.Ports;
using Jaga.Core.Scheduling;

namespace Jaga.Engine.Backup;

/// <summary>A verification started by hand (<c>jaga backup verify</c>). When it does what the job's scheduled verification
/// does — the job's newest backup, with a test restore where the schedule would restore — it is claimed and recorded as a
/// run of that job (<c>verify:JOB</c>), as a backup run by hand is (<see cref="JobLock"/>): <c>jaga status</c> shows the
/// latest outcome, whoever ran it. Any other verification (an older backup, no restore) says nothing about the job's
/// scheduled one and is not recorded there.</summary>
public static class VerifyByHand
{
    public static async Task<VerifyOutcome> RunAsync(BackupServices s, BackupRecord record, bool restore, BackupObserver? observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(record);
        var verifier = new BackupVerifier(s);
        var job = s.Plan.Plan.Backup.FirstOrDefault(j => j.Name == record.Job);
        if (job?.Verify?.Schedule is null || (!restore && BackupSchedule.RestoreWhenVerifying(job))
            || (await BackupSchedule.VerifiableAsync(s.Catalog, job.Name, ct))?.Id != record.Id)
            return await verifier.VerifyAsync(record, restore, observer, ct);
        await using var held = await JobLock.AcquireAsync(s.Journal.Store.Runs, JobId.Verify(job.Name), s.Clock, ct);
        // The scheduled verification runs now: this one still runs, and the scheduled one's outcome is the job's record.
        if (held.Run is null) return await verifier.VerifyAsync(record, restore, observer, ct);
        try
        {
            var outcome = await verifier.VerifyAsync(record, restore, observer, ct);
            held.End(outcome.Ok ? RunOutcome.Succeeded : RunOutcome.Failed, outcome.Line);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            held.End(RunOutcome.Failed, e.Message);
            throw;
        }
    }
}
