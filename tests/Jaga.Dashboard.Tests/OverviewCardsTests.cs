using Jaga.Cli.Commands;
using Jaga.Cli.Daemon;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Dashboard.Overview;

namespace Jaga.Dashboard.Tests;

/// <summary>The emergency card says how many days ago each drilled backup was last restored successfully (issue 16:
/// "days since the last successful drill"), and turns amber for a job never restored successfully.</summary>
public sealed class OverviewCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_emergency_card_gives_the_days_since_each_jobs_last_successful_drill()
    {
        var good = Drill("db", Now.AddDays(-3).AddHours(-2), DrillOutcome.Succeeded);
        var failed = Drill("files", Now.AddDays(-1), DrillOutcome.Failed);
        var card = Emergency(new StatusDrills([new StatusDrills.Row("db", good, good), new StatusDrills.Row("files", failed, null)], Now));

        Assert.Equal(Light.Amber, card.Light);
        Assert.Contains("last successful restore drill of db: 3 day(s) ago", card.Reasons);
        Assert.Contains("files: no successful restore drill yet", card.Reasons);
    }

    [Fact]
    public void Without_drills_the_emergency_card_stays_green()
    {
        var card = Emergency(new StatusDrills([], Now));
        Assert.Equal(Light.Green, card.Light);
        Assert.Equal(["no open incident; no runbook waits"], card.Reasons);
    }

    private static PillarCard Emergency(StatusDrills drills)
    {
        var report = new StatusReport([], [], [], [], new Dictionary<string, CheckState>(), [], drills, [], [], Now, TimeSpan.FromMinutes(1));
        return OverviewCards.Decide(report, 0, [], Catalog.English).Single(c => c.Pillar == Pillar.Emergency);
    }

    private static DrillResult Drill(string job, DateTimeOffset ended, DrillOutcome outcome) =>
        new(job, "b1", ended.AddMinutes(-5), ended, outcome, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), null, "n1");
}
