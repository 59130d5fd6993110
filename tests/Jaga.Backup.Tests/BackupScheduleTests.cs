using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Backup;

namespace Jaga.Backup.Tests;

public sealed class BackupScheduleTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static BackupJob Job(string cron = "0 2 * * *", string? verify = null)
    {
        Assert.True(CronSchedule.TryParse(cron, out var schedule, out _));
        CronSchedule? verifySchedule = null;
        if (verify is not null) Assert.True(CronSchedule.TryParse(verify, out verifySchedule, out _));
        return new BackupJob("db", new BackupSource(null, "app.db", null, null, []), schedule!, null, "once", ["local"], "{name}_{date}", "zstd", "plain", null, null,
            verify is null ? null : new VerifySettings(verifySchedule, null), TimeSpan.FromHours(6));
    }

    private static BackupRecord Record(DateTimeOffset started, DateTimeOffset? verified = null) =>
        new("id", "db", "db.db.zst", "sqlite", BackupStatus.Complete, started, started, 1, new string('a', 64), [], verified, verified is null ? null : "ok", null, "{}");

    // 02:00 in Jakarta is 19:00 UTC the day before.
    private static readonly DateTimeOffset Occurrence = new(2025, 11, 14, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_job_that_never_ran_is_due() => Assert.True(BackupSchedule.BackupDue(Job(), [], Occurrence.AddHours(-5), Jakarta));

    [Fact]
    public void A_job_is_due_once_its_occurrence_passed_without_a_run()
    {
        var ranYesterday = Record(Occurrence.AddDays(-1));
        Assert.False(BackupSchedule.BackupDue(Job(), [ranYesterday], Occurrence.AddMinutes(-1), Jakarta));
        Assert.True(BackupSchedule.BackupDue(Job(), [ranYesterday], Occurrence.AddMinutes(1), Jakarta));
        Assert.False(BackupSchedule.BackupDue(Job(), [Record(Occurrence.AddSeconds(3)), ranYesterday], Occurrence.AddMinutes(1), Jakarta));
    }

    [Fact]
    public void Verification_is_due_when_its_schedule_passed_since_the_last_one()
    {
        var job = Job(verify: "0 4 * * 0");
        var sunday4am = new DateTimeOffset(2025, 11, 15, 21, 0, 0, TimeSpan.Zero); // Sunday 16 Nov 04:00 in Jakarta
        Assert.False(BackupSchedule.VerifyDue(job, [], sunday4am, Jakarta));
        Assert.True(BackupSchedule.VerifyDue(job, [Record(Occurrence)], sunday4am, Jakarta));
        Assert.False(BackupSchedule.VerifyDue(job, [Record(Occurrence, verified: sunday4am.AddMinutes(1))], sunday4am.AddHours(1), Jakarta));
        Assert.True(BackupSchedule.VerifyDue(job, [Record(Occurrence, verified: sunday4am.AddMinutes(1))], sunday4am.AddDays(7), Jakarta));
        Assert.False(BackupSchedule.VerifyDue(Job(), [Record(Occurrence)], sunday4am, Jakarta));
    }
}
