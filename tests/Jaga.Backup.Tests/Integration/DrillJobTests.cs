using Jaga.Cli;
using Jaga.Cli.Composition;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Emergency.Drills;

namespace Jaga.Backup.Tests.Integration;

/// <summary>A restore drill as the scheduler will run it (<see cref="DrillJob"/>), composed as the daemon composes its
/// services, on a real SQLite backup.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DrillJobTests
{
    [Fact]
    public async Task Scheduled_drill_waits_for_the_first_backup_then_runs_records_and_logs_one_line()
    {
        using var ws = DrillTests.SqliteWorkspace();
        var ctx = new CliContext(ws.PlanPath, false, null, ws.Clock, new Output(false, new StringWriter(), new StringWriter(), terminal: false)) { RealTime = TimeProvider.System };
        var spec = new DrillSpec("app", "test -s \"$JAGA_DRILL_TARGET\"", TimeSpan.FromMinutes(5));
        {
            var (plan, store, journal) = await ctx.OpenAsync();
            await using var _ = store;
            await using var services = CompositionRoot.Compose(plan, store, journal, ws.Clock, TimeProvider.System, RunMode.Command);
            var job = DrillJob.For(spec, new IntervalSchedule(TimeSpan.FromDays(30)), services.Backup, store.Drills, TimeProvider.System);

            Assert.Equal("drill:app", job.Id.Text);
            Assert.Equal(JobKind.Drill, job.Kind);
            Assert.Equal(JobId.Backup("app"), job.After);
            Assert.False(await job.Ready!(CancellationToken.None));
        }
        await ws.Ok("backup", "run");
        {
            var (plan, store, journal) = await ctx.OpenAsync();
            await using var _ = store;
            await using var services = CompositionRoot.Compose(plan, store, journal, ws.Clock, TimeProvider.System, RunMode.Command);
            var job = DrillJob.For(spec, new IntervalSchedule(TimeSpan.FromDays(30)), services.Backup, store.Drills, TimeProvider.System);
            Assert.True(await job.Ready!(CancellationToken.None));

            var result = await job.Work(CancellationToken.None);

            Assert.True(result.Succeeded, result.Summary);
            Assert.Contains("Latihan restore app berhasil", result.Summary, StringComparison.Ordinal);
            var drill = await store.Drills.LastAsync("app");
            Assert.Equal(DrillOutcome.Succeeded, drill!.Outcome);
            Assert.True(drill.RecoveryTime > TimeSpan.Zero);
        }
        Assert.Single(File.ReadAllLines(ws.LogPath), l => l.Contains("Latihan restore", StringComparison.Ordinal));
    }
}
