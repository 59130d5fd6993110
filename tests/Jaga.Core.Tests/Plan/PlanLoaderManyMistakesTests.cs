namespace Jaga.Core.Tests.Plan;

/// <summary>Validation collects every error before failing, each at its own place, in the order they appear.</summary>
public sealed class PlanLoaderManyMistakesTests
{
    private const string Mistakes = """
        version: 2
        project: tokoku
        timezone: Asia/Jakrta
        language: ind
        listen: 8080
        env_files: [.env.missing]
        destinations:
          local: { path: backup/, s3: s3://tokoku-backups/x }
          nas: { sftp: "ftp://nas/srv" }
        backup:
          - name: db
            source: { sqlite: data/app.db }
            shedule: "0 2 * * *"
            to: [local, offsite]
            compress: lz4
          - name: db
            source: { sqlite: data/app.db }
            schedule: "0 2 * *"
            to: local
            file: "db_${SUFFIX}"
        monitoring:
          host: { every: 5 minutes, cpu: "90%" }
          checks:
            - name: api
              http: http://127.0.0.1:8080/healthz
              alert: { notify: [on-call] }
        notify:
          oncall: { email: ops@example.com }
        emergency:
          runbooks:
            - name: restart-api
              trigger: { check: web }
              steps:
                - wait_for: { check: api, timeout: soon }
        project: toko
        """;

    [Fact]
    public void Every_mistake_is_reported_at_its_position_in_position_order()
    {
        var result = Plans.Load(Mistakes);

        Plans.Reports(result,
            "jaga.yaml:1:10: version: this Jaga reads plan version 1, not 2",
            "jaga.yaml:3:11: timezone: 'Asia/Jakrta' is not a known time zone (did you mean 'Asia/Jakarta'?)",
            "jaga.yaml:4:11: language: 'ind' is not one of en, id (did you mean 'id'?)",
            "jaga.yaml:5:9: listen: '8080' is not host:port",
            "jaga.yaml:6:13: env_files: '.env.missing' not found",
            "jaga.yaml:8:27: destinations.local: 'path' and 's3' cannot be used together",
            "jaga.yaml:9:16: destinations.nas.sftp: 'ftp://nas/srv' is not a sftp:// URL (e.g. sftp://user@host:22/srv/backups)",
            "jaga.yaml:11:5: backup[0]: needs one of: schedule, every",
            "jaga.yaml:13:5: backup[0]: unknown key 'shedule' (did you mean 'schedule'?)",
            "jaga.yaml:14:17: backup[0].to: unknown destination 'offsite' (known destinations: local, nas)",
            "jaga.yaml:15:15: backup[0].compress: 'lz4' is not one of none, gzip, zstd",
            "jaga.yaml:16:11: backup[1].name: 'db' is already used by another entry",
            "jaga.yaml:18:15: backup[1].schedule: '0 2 * *' is not a schedule: a cron schedule has 5 fields, this one has 4",
            "jaga.yaml:20:15: backup[1].file: variable SUFFIX is not set",
            "jaga.yaml:22:18: monitoring.host.every: '5 minutes' is not a duration",
            "jaga.yaml:22:34: monitoring.host.cpu: '90%' is not a percent threshold",
            "jaga.yaml:26:25: monitoring.checks[0].alert.notify: unknown notify channel 'on-call' (did you mean 'oncall'?)",
            "jaga.yaml:32:25: emergency.runbooks[0].trigger.check: unknown check 'web' (known checks: api)",
            "jaga.yaml:34:44: emergency.runbooks[0].steps[0].wait_for.timeout: 'soon' is not a duration",
            "jaga.yaml:35:1: duplicate key 'project' (first at line 2)");
    }

    [Fact]
    public void Errors_come_out_sorted_by_line_then_column()
    {
        var positions = Plans.Load(Mistakes).Errors.Select(e => (e.At.Line, e.At.Column)).ToList();

        Assert.Equal(positions.Order(), positions);
    }
}
