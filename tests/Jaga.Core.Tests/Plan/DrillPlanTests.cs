using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Plan;

/// <summary><c>emergency.drills</c>: scheduled restore drills bind with their schedule, test and timeout, and a drill that
/// could never run is refused at its position.</summary>
public sealed class DrillPlanTests
{
    private const string Jobs = """
        version: 1
        project: shop
        destinations:
          local: { path: backup/ }
        backup:
          - { name: app, source: { sqlite: data/app.db }, schedule: "0 2 * * *", to: local, timeout: 2h }
          - { name: pg, source: { postgres: "postgres://app@127.0.0.1/app" }, schedule: "0 3 * * *", to: local }
          - name: pg-verified
            source: { postgres: "postgres://app@127.0.0.1/app" }
            schedule: "0 3 * * *"
            to: local
            verify: { restore_into: "postgres://app@127.0.0.1/postgres" }
        emergency:
          drills:

        """;

    [Fact]
    public void Drills_bind_with_schedule_or_interval_test_and_timeout()
    {
        var drills = Plans.Valid(Jobs + """
                - { backup: app, schedule: "0 5 1 * *", test: "sqlite3 \"$JAGA_DRILL_TARGET\" 'select 1'", timeout: 20m }
                - { backup: pg-verified, every: 7d }
            """).Plan.Emergency.Drills;
        Assert.Equal(2, drills.Count);
        Assert.Equal("app", drills[0].Backup);
        Assert.IsType<CronSchedule>(drills[0].When);
        Assert.Equal("sqlite3 \"$JAGA_DRILL_TARGET\" 'select 1'", drills[0].Test);
        Assert.Equal(TimeSpan.FromMinutes(20), drills[0].Timeout);
        Assert.Equal(TimeSpan.FromDays(7), Assert.IsType<IntervalSchedule>(drills[1].When).Period);
        Assert.Null(drills[1].Timeout);
    }

    [Fact]
    public void A_plan_without_drills_has_none()
    {
        Assert.Empty(Plans.Valid(Jobs.Replace("emergency:\n  drills:\n", "", StringComparison.Ordinal)).Plan.Emergency.Drills);
    }

    [Fact]
    public void A_drill_of_a_postgres_job_without_a_scratch_server_is_refused_with_the_fix()
    {
        Plans.Reports(Plans.Load(Jobs + "    - { backup: pg, schedule: \"0 5 1 * *\" }\n"),
            "jaga.yaml:15:17: emergency.drills[0].backup: drill of PostgreSQL job 'pg' has nowhere to restore into (set backup.verify.restore_into on that job");
    }

    [Fact]
    public void A_drill_of_an_unknown_job_or_with_two_schedules_is_refused_at_its_place()
    {
        Plans.Reports(Plans.Load(Jobs + """
                - { backup: ap, schedule: "0 5 1 * *" }
                - { backup: app, schedule: "0 5 1 * *", every: 1d }
                - { backup: app }
            """),
            "jaga.yaml:15:17: emergency.drills[0].backup: unknown backup job 'ap' (did you mean 'app'?)",
            "jaga.yaml:16:45: emergency.drills[1]: 'schedule' and 'every' cannot be used together",
            "jaga.yaml:17:7: emergency.drills[2]: needs one of: schedule, every");
    }
}
