namespace Jaga.Core.Tests.Plan;

/// <summary>Names one part of the plan uses for another must exist, and names must be unique.</summary>
public sealed class PlanReferencesTests
{
    private const string Monitoring = """
        version: 1
        project: tokoku
        notify:
          oncall: { email: ops@example.com }
        monitoring:
          checks:
            - name: api
              http: http://127.0.0.1:8080/healthz

        """;

    [Fact]
    public void Backup_to_an_unknown_destination_suggests_the_nearest()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
              offsite: { s3: s3://tokoku-backups/jaga }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local, ofsite]
            """);

        Plans.Reports(result, "jaga.yaml:10:17: backup[0].to: unknown destination 'ofsite' (did you mean 'offsite'?)");
    }

    [Fact]
    public void Backup_to_a_destination_when_none_are_defined_says_to_define_one()
    {
        var result = Plans.Load(Plans.Header + "backup:\n  - { name: db, source: { sqlite: app.db }, schedule: \"@daily\", to: nas }\n");

        Plans.Reports(result, "jaga.yaml:4:69: backup[0].to: unknown destination 'nas' (define it first; the plan has no destinations)");
    }

    [Fact]
    public void Alert_to_an_unknown_channel_suggests_the_nearest()
    {
        var result = Plans.Load(Monitoring + "      alert: { notify: [on-call] }\n");

        Plans.Reports(result, "jaga.yaml:9:25: monitoring.checks[0].alert.notify: unknown notify channel 'on-call' (did you mean 'oncall'?)");
    }

    [Fact]
    public void Alert_with_an_unknown_runbook_is_reported_at_the_name()
    {
        var result = Plans.Load(Monitoring + "      alert: { notify: [oncall], runbook: restart-api }\n");

        Plans.Reports(result, "jaga.yaml:9:43: monitoring.checks[0].alert.runbook: unknown runbook 'restart-api' (define it first; the plan has no runbooks)");
    }

    [Fact]
    public void Runbook_triggered_by_an_unknown_check_lists_the_known_checks()
    {
        var result = Plans.Load(Monitoring + """
            emergency:
              runbooks:
                - name: restart-api
                  trigger: { check: web, failing_for: 3m }
                  steps:
                    - run: systemctl restart tokoku
            """);

        Plans.Reports(result, "jaga.yaml:12:25: emergency.runbooks[0].trigger.check: unknown check 'web' (known checks: api)");
    }

    [Fact]
    public void Wait_for_an_unknown_check_suggests_the_nearest()
    {
        var result = Plans.Load(Monitoring + """
            emergency:
              runbooks:
                - name: restart-api
                  steps:
                    - run: systemctl restart tokoku
                    - wait_for: { check: apii, timeout: 2m }
            """);

        Plans.Reports(result, "jaga.yaml:14:30: emergency.runbooks[0].steps[1].wait_for.check: unknown check 'apii' (did you mean 'api'?)");
    }

    [Fact]
    public void Notify_step_to_an_unknown_channel_is_reported()
    {
        var result = Plans.Load(Monitoring + """
            emergency:
              runbooks:
                - name: restart-api
                  steps:
                    - notify: pager
            """);

        Plans.Reports(result, "jaga.yaml:13:19: emergency.runbooks[0].steps[0].notify: unknown notify channel 'pager' (known notify channels: oncall)");
    }

    [Fact]
    public void Restore_of_an_unknown_backup_suggests_the_nearest_job()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
            emergency:
              runbooks:
                - name: restore-db
                  steps:
                    - restore: { backup: dbb, into: "postgres://app@db/shop" }
            """);

        Plans.Reports(result, "jaga.yaml:14:30: emergency.runbooks[0].steps[0].restore.backup: unknown backup job 'dbb' (did you mean 'db'?)");
    }

    [Fact]
    public void Duplicate_job_names_point_at_the_second_name()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
              - name: db
                source: { sqlite: data/other.db }
                schedule: "0 3 * * *"
                to: [local]
            """);

        Plans.Reports(result, "jaga.yaml:10:11: backup[1].name: 'db' is already used by another entry (give each entry its own name)");
    }

    [Fact]
    public void Duplicate_check_names_point_at_the_second_name()
    {
        var result = Plans.Load(Monitoring + "    - name: api\n      tcp: 127.0.0.1:5432\n");

        Plans.Reports(result, "jaga.yaml:9:13: monitoring.checks[1].name: 'api' is already used by another entry");
    }
}
