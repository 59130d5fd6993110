using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Backup;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Emergency.Drills;

/// <summary>A restore drill as a scheduled job (<c>drill:JOB</c>), the way a scheduled verification is one: it waits for its
/// job's first backup rather than use up its occurrence, and a drill that fails is a failed run.</summary>
public static class DrillJob
{
    /// <summary>The scheduled job of <paramref name="spec"/>, due on <paramref name="schedule"/>.</summary>
    public static ScheduledJob For(DrillSpec spec, ISchedule schedule, BackupServices services, IDrills drills, TimeProvider realTime)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(services);
        // The drill keeps its own timeout (and records the drill failed); the scheduler's is a backstop.
        return new ScheduledJob(JobId.Drill(spec.Job), schedule, CatchUp.Once, spec.Timeout + TimeSpan.FromMinutes(1), ct => RunAsync(spec, services, drills, realTime, ct))
        {
            Ready = async ct => await BackupSchedule.VerifiableAsync(services.Catalog, spec.Job, ct) is not null,
            After = JobId.Backup(spec.Job),
        };
    }

    /// <summary>One scheduled drill: its log line is the run's summary.</summary>
    public static async Task<JobResult> RunAsync(DrillSpec spec, BackupServices services, IDrills drills, TimeProvider realTime, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            var run = await new RestoreDrill(services, drills, realTime).RunAsync(spec, ct: ct);
            return new JobResult(run.Succeeded, run.Line);
        }
        catch (UserException e)
        {
            // The backup went away after the scheduler saw it, or a PostgreSQL job has no verify.restore_into: said once in the log.
            var entry = await services.Journal.RecordAsync(new DrillFailed(spec.Job, e.Message), ct: ct);
            return new JobResult(false, entry.Message);
        }
    }
}
