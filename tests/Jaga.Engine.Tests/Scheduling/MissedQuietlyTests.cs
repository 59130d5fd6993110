using Jaga.Core.Ports;
using Jaga.Core.Scheduling;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>Checks have no catch-up: after a restart a check resumes at its next occurrence without a "missed" line,
/// while a job that is not quiet (a backup with catch_up: skip) still warns.</summary>
public sealed class MissedQuietlyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Missed_occurrences_of_a_quiet_job_are_skipped_without_a_log_line(bool quiet)
    {
        await using var h = await SchedulerHarness.CreateAsync();
        // The job last ran an hour before this start: 360 occurrences of 10 s were missed while jaga was stopped.
        await h.Store.Runs.RecordSkippedAsync("check:api", SchedulerHarness.Start.AddHours(-1), "node-old", SchedulerHarness.Start.AddHours(-1), "seed");
        var job = SchedulerHarness.Every("check:api", 10, SchedulerHarness.Ok, catchUp: CatchUp.Skip) with { MissedQuietly = quiet };
        h.Run(job);

        await Task.Delay(300);
        await h.AdvanceAsync(TimeSpan.FromSeconds(11));
        await h.WaitForRunsAsync("check:api", r => r.Any(x => x.Outcome == RunOutcome.Succeeded), "the check ran after the restart");

        var log = File.Exists(h.Journal.LogPath) ? await File.ReadAllTextAsync(h.Journal.LogPath) : "";
        if (quiet) Assert.DoesNotContain("missed", log, StringComparison.Ordinal);
        else Assert.Contains("scheduled run(s) missed", log, StringComparison.Ordinal);
    }
}
