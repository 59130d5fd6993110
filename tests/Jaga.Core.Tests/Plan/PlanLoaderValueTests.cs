namespace Jaga.Core.Tests.Plan;

/// <summary>Values of the wrong form: durations, sizes, thresholds, schedules, zones, enums, URLs, and the one-of rules.</summary>
public sealed class PlanLoaderValueTests
{
    private const string Job = """
        destinations:
          local: { path: backup/ }
        backup:
          - name: db
            source: { sqlite: data/app.db }
            to: [local]

        """;

    [Fact]
    public void Bad_duration_is_reported_at_the_value_with_the_units_to_use()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  host:\n    every: 5 minutes\n");

        Plans.Reports(result, "jaga.yaml:5:12: monitoring.host.every: '5 minutes' is not a duration (write a number and a unit (ms, s, m, h, d, w), e.g. 30s, 5m, 1h30m, 30d)");
    }

    [Fact]
    public void Duration_too_long_to_hold_is_an_error_not_a_crash()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  host:\n    every: 99999999999999999999ms\n");

        Plans.Reports(result, "jaga.yaml:5:12: monitoring.host.every: '99999999999999999999ms' is not a duration");
    }

    [Fact]
    public void Size_too_large_to_hold_is_an_error_not_a_crash()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  logs:\n    - { path: a.log, max_size: 99999999999999999999999999999999TB }\n");

        Plans.Reports(result, "jaga.yaml:5:32: monitoring.logs[0].max_size: '99999999999999999999999999999999TB' is not a size");
    }

    [Fact]
    public void Bad_size_is_reported_at_the_value()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  logs:\n    - path: \"logs/*.log\"\n      max_size: 100 MBs\n");

        Plans.Reports(result, "jaga.yaml:6:17: monitoring.logs[0].max_size: '100 MBs' is not a size (write a number and a unit (B, KB, MB, GB, TB or KiB, MiB, GiB, TiB)");
    }

    [Fact]
    public void Threshold_without_a_comparison_is_reported_at_its_quote()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  host:\n    cpu: \"90%\"\n");

        Plans.Reports(result, "jaga.yaml:5:10: monitoring.host.cpu: '90%' is not a percent threshold (write a comparison and a percentage, e.g. \"< 90%\")");
    }

    [Fact]
    public void Threshold_over_100_percent_is_refused_per_mount_point()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  host: { disk: { \"/\": \"< 120%\" } }\n");

        Plans.Reports(result, "jaga.yaml:4:24: monitoring.host.disk./: '< 120%' is not a percent threshold");
    }

    [Fact]
    public void Cron_with_four_fields_says_how_many_it_has()
    {
        var result = Plans.Load(Plans.Header + Job + "    schedule: \"0 2 * *\"\n");

        Plans.Reports(result, "jaga.yaml:9:15: backup[0].schedule: '0 2 * *' is not a schedule: a cron schedule has 5 fields, this one has 4 (write 5 fields 'minute hour day-of-month month day-of-week'");
    }

    [Fact]
    public void Cron_with_an_unknown_macro_names_it()
    {
        var result = Plans.Load(Plans.Header + "update:\n  schedule: \"@fortnightly\"\n");

        Plans.Reports(result, "jaga.yaml:4:13: update.schedule: '@fortnightly' is not a schedule: unknown macro '@fortnightly'");
    }

    [Fact]
    public void Cron_with_a_field_out_of_range_names_the_field()
    {
        var result = Plans.Load(Plans.Header + "update:\n  schedule: \"61 2 * * *\"\n");

        Plans.Reports(result, "jaga.yaml:4:13: update.schedule: '61 2 * * *' is not a schedule: The given cron expression has an invalid format. Minutes: Value must be a number between 0 and 59");
    }

    [Fact]
    public void Misspelt_time_zone_suggests_the_real_one()
    {
        var result = Plans.Load(Plans.Header + "timezone: Asia/Jakrta\n");

        Plans.Reports(result, "jaga.yaml:3:11: timezone: 'Asia/Jakrta' is not a known time zone (did you mean 'Asia/Jakarta'?)");
    }

    [Fact]
    public void Time_zone_far_from_any_known_one_gets_examples()
    {
        var result = Plans.Load(Plans.Header + "timezone: Jakarta time\n");

        Plans.Reports(result, "jaga.yaml:3:11: timezone: 'Jakarta time' is not a known time zone (use an IANA name such as Asia/Jakarta, Europe/Berlin or UTC)");
    }

    [Fact]
    public void Unknown_compression_lists_the_choices()
    {
        var result = Plans.Load(Plans.Header + Job + "    schedule: \"0 2 * * *\"\n    compress: lz4\n");

        Plans.Reports(result, "jaga.yaml:10:15: backup[0].compress: 'lz4' is not one of none, gzip, zstd (use one of: none, gzip, zstd)");
    }

    [Fact]
    public void Enum_value_near_a_choice_suggests_it()
    {
        var result = Plans.Load(Plans.Header + "language: ind\n");

        Plans.Reports(result, "jaga.yaml:3:11: language: 'ind' is not one of en, id (did you mean 'id'?)");
    }

    [Fact]
    public void Url_with_the_wrong_scheme_names_the_schemes_allowed()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - name: api\n      http: ftp://127.0.0.1/health\n");

        Plans.Reports(result, "jaga.yaml:6:13: monitoring.checks[0].http: 'ftp://127.0.0.1/health' is not a http://, https:// URL (e.g. http://host/path)");
    }

    [Fact]
    public void Postgres_source_with_a_mysql_url_is_refused()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { postgres: "mysql://app@db/shop" }
                schedule: "0 2 * * *"
                to: [local]
            """);

        Plans.Reports(result, "jaga.yaml:7:25: backup[0].source.postgres: 'mysql://app@db/shop' is not a postgres://, postgresql:// URL (e.g. postgres://user@host:5432/db)");
    }

    [Fact]
    public void Sqlite_url_without_a_path_is_refused()
    {
        var result = Plans.Load(Plans.Header + "migration:\n  from: \"sqlite:\"\n  to: postgres://app@db/shop\n");

        Plans.Reports(result, "jaga.yaml:4:9: migration.from: a sqlite: URL needs a file path, e.g. sqlite:data/app.db");
    }

    [Fact]
    public void Destination_with_both_path_and_s3_points_at_the_second()
    {
        var result = Plans.Load(Plans.Header + "destinations:\n  local: { path: backup/, s3: s3://bucket/x }\n");

        Plans.Reports(result, "jaga.yaml:4:27: destinations.local: 'path' and 's3' cannot be used together (keep exactly one; split it into two entries if you need both)");
    }

    [Fact]
    public void Source_with_no_kind_lists_the_kinds()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { exclude: ["*.tmp"] }
                schedule: "0 2 * * *"
                to: [local]
            """);

        Plans.Reports(result, "jaga.yaml:7:13: backup[0].source: needs one of: postgres, sqlite, mysql, files (add exactly one of postgres | sqlite | mysql | files)");
    }

    [Fact]
    public void Notify_channel_with_neither_webhook_nor_email_is_refused()
    {
        var result = Plans.Load(Plans.Header + "notify:\n  oncall: { format: slack }\n");

        Plans.Reports(result, "jaga.yaml:4:11: notify.oncall: needs at least one of: webhook, email (add webhook and/or email)");
    }

    [Fact]
    public void Retention_count_below_one_is_too_small()
    {
        var result = Plans.Load(Plans.Header + Job + "    schedule: \"0 2 * * *\"\n    keep: { last: 0 }\n");

        Plans.Reports(result, "jaga.yaml:10:19: backup[0].keep.last: 0 is too small (use 1 or more)");
    }

    [Fact]
    public void Yes_is_not_a_boolean_in_a_plan()
    {
        var result = Plans.Load(Plans.Header + "update:\n  os_packages: yes\n");

        Plans.Reports(result, "jaga.yaml:4:16: update.os_packages: 'yes' is not true or false (write true or false)");
    }

    [Fact]
    public void Listen_without_a_host_is_not_host_and_port()
    {
        var result = Plans.Load(Plans.Header + "listen: 8080\n");

        Plans.Reports(result, "jaga.yaml:3:9: listen: '8080' is not host:port (write host:port, e.g. 127.0.0.1:8080)");
    }

    [Fact]
    public void Condition_without_a_placeholder_is_refused()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  checks:\n    - name: api\n      http: http://127.0.0.1/health\n      expect: [\"STATUS == 200\"]\n");

        Plans.Reports(result, "jaga.yaml:7:17: monitoring.checks[0].expect[0]: 'STATUS' is not a placeholder, so this compares two fixed values in 'STATUS == 200' (did you mean [STATUS]?)");
    }

    [Fact]
    public void Job_name_with_a_space_is_not_a_name()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db backup
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
            """);

        Plans.Reports(result, "jaga.yaml:6:11: backup[0].name: 'db backup' is not a valid name");
    }
}
