using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>backup</c> check, from the backup catalog: [CONNECTED] when the job's newest good (complete) backup is
/// younger than <c>max_age</c> and the job's newest verification passed. Verification is recorded per backup
/// (<see cref="BackupRecord.VerifiedAt"/>, <see cref="BackupRecord.VerifyResult"/> = <c>ok</c>) and usually runs less
/// often than backups, so the newest verified backup is judged rather than demanding the newest one be verified.
/// The job's newest restore drill, when it failed, is a problem too.
/// Values: AGE_SECONDS (the newest good backup), VERIFIED_AGE_SECONDS (the newest verified one).</summary>
internal sealed class BackupProbe(BackupCheck check, ProbeContext context) : ICheckProbe
{
    public const string VerifiedOk = "ok";

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var records = await context.Store.Backups.ListAsync(check.Backup, token);
            var drill = await context.Store.Drills.LastAsync(check.Backup, token);
            return Judge(check, records, context.Clock.GetUtcNow(), elapsed(), context.Words, drill);
        }, null, ct);

    /// <summary>The observation for the records of the job (any order) at <paramref name="now"/>, its reasons in the
    /// language of <paramref name="words"/> (English by default). A newest restore drill of the job that failed
    /// (<paramref name="drill"/>) is a problem too, until a drill passes: a failed drill alerts as a failed verification does.</summary>
    public static CheckObservation Judge(
        BackupCheck check, IReadOnlyList<BackupRecord> records, DateTimeOffset now, TimeSpan elapsed, Catalog? words = null, DrillResult? drill = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        words ??= Catalog.English;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var good = records.Where(r => r.Status == BackupStatus.Complete).OrderByDescending(Done).ToList();
        if (good.Count == 0)
            return new CheckObservation(false, elapsed) { Error = words.Format("reason.backup.none", check.Backup), Values = values };
        var newest = good[0];
        var age = now - Done(newest);
        values["AGE_SECONDS"] = Seconds(age);
        var problems = new List<string>();
        if (age > check.MaxAge)
            problems.Add(words.Format("reason.backup.old", newest.Artifact, HeartbeatVerdict.Age(age), DurationValue.Format(check.MaxAge)));
        var verified = records.Where(r => r.VerifiedAt is not null).OrderByDescending(r => r.VerifiedAt).FirstOrDefault();
        if (verified is null)
            problems.Add(words["reason.backup.unverified"]);
        else if (verified.VerifyResult != VerifiedOk)
            problems.Add(words.Format("reason.backup.verify.failed", verified.Artifact, verified.VerifyResult));
        else
            values["VERIFIED_AGE_SECONDS"] = Seconds(now - Done(verified));
        if (drill is { Outcome: DrillOutcome.Failed })
            problems.Add(words.Format("reason.drill.last.failed", HeartbeatVerdict.Age(now - drill.StartedAt), drill.Detail));
        return new CheckObservation(problems.Count == 0, elapsed)
        {
            Error = problems.Count == 0 ? null : string.Join("; ", problems),
            Values = values,
        };
    }

    private static DateTimeOffset Done(BackupRecord r) => r.FinishedAt ?? r.StartedAt;

    private static string Seconds(TimeSpan age) => Math.Max(0, Math.Floor(age.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
