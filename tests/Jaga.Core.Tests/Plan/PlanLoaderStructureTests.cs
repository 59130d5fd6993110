using Jaga.Core.Plan;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Tests.Plan;

/// <summary>Mistakes in the plan's structure: keys, kinds of node, YAML itself, the version.</summary>
public sealed class PlanLoaderStructureTests
{
    [Fact]
    public void Unknown_key_suggests_the_nearest_known_key()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                shedule: "0 2 * * *"
                to: [local]
            """);

        // The job also lacks its schedule: both are true, and the hint on the misspelt key says how to fix both.
        Plans.Reports(result,
            "jaga.yaml:6:5: backup[0]: needs one of: schedule, every",
            "jaga.yaml:8:5: backup[0]: unknown key 'shedule' (did you mean 'schedule'?)");
    }

    [Fact]
    public void Unknown_top_level_key_suggests_the_nearest_section()
    {
        var result = Plans.Load(Plans.Header + "monitorng:\n  host: { every: 1m }\n");

        Plans.Reports(result, "jaga.yaml:3:1: unknown key 'monitorng' (did you mean 'monitoring'?)");
    }

    [Fact]
    public void Unknown_key_with_no_near_match_lists_the_known_keys()
    {
        var result = Plans.Load(Plans.Header + "colour: blue\n");

        Plans.Reports(result, "jaga.yaml:3:1: unknown key 'colour' (known keys: version, project, timezone, language, state, listen, scheduler, log, env_files,");
    }

    [Fact]
    public void Missing_project_is_reported_at_the_start_of_the_plan()
    {
        var result = Plans.Load("version: 1\ntimezone: UTC\n");

        Plans.Reports(result, "jaga.yaml:1:1: missing required key 'project' (add 'project: …')");
    }

    [Fact]
    public void Backup_job_without_schedule_is_reported_at_the_job()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - name: db
                source: { sqlite: data/app.db }
                to: [local]
            """);

        Plans.Reports(result, "jaga.yaml:6:5: backup[0]: needs one of: schedule, every (add exactly one of schedule | every)");
    }

    [Fact]
    public void Key_without_a_value_is_reported_right_after_its_colon()
    {
        var result = Plans.Load("version: 1\nproject:\nstate: x\n");

        Plans.Reports(result, "jaga.yaml:2:9: project: has no value (give it a value or remove the key)");
    }

    [Fact]
    public void List_where_a_mapping_is_expected_is_reported_at_the_list()
    {
        var result = Plans.Load(Plans.Header + "log: [logs/maintenance.log]\n");

        Plans.Reports(result, "jaga.yaml:3:6: log: expected a mapping of keys, found a list (write keys such as 'file: …' under it)");
    }

    [Fact]
    public void Mapping_where_a_list_is_expected_is_reported_at_the_mapping()
    {
        var result = Plans.Load(Plans.Header + "backup:\n  name: db\n");

        Plans.Reports(result, "jaga.yaml:4:3: backup: expected a list, found a mapping (write items on lines starting with '- ', or as [a, b])");
    }

    [Fact]
    public void Scalar_where_named_entries_are_expected_says_what_the_names_mean()
    {
        var result = Plans.Load(Plans.Header + "destinations: backup/\n");

        Plans.Reports(result, "jaga.yaml:3:15: destinations: expected a mapping of destination name to settings, found 'backup/'");
    }

    [Fact]
    public void Mapping_where_a_single_value_is_expected_is_reported()
    {
        var result = Plans.Load(Plans.Header + "timezone: { name: UTC }\n");

        Plans.Reports(result, "jaga.yaml:3:11: timezone: expected a timezone value, found a mapping");
    }

    [Fact]
    public void Duplicate_key_points_at_the_second_and_names_the_line_of_the_first()
    {
        var result = Plans.Load(Plans.Header + "timezone: UTC\nproject: toko\n");

        Plans.Reports(result, "jaga.yaml:4:1: duplicate key 'project' (first at line 2) (keep one of them)");
    }

    [Fact]
    public void Duplicate_key_inside_a_flow_mapping_points_at_the_second()
    {
        var result = Plans.Load(Plans.Header + "log: { file: a.log, file: b.log }\n");

        Plans.Reports(result, "jaga.yaml:3:21: duplicate key 'file' (first at line 3)");
    }

    [Fact]
    public void Yaml_syntax_error_points_at_the_badly_indented_line()
    {
        var result = Plans.Load(Plans.Header + "backup:\n  - name: db\n   schedule: \"0 2 * * *\"\n");

        Plans.Reports(result, "jaga.yaml:5:4: YAML syntax: While parsing a block collection, did not find expected '-' indicator. (check indentation and quoting around this place)");
    }

    [Fact]
    public void Unterminated_quote_is_reported_where_the_quote_opens()
    {
        var result = Plans.Load(Plans.Header + "state: \"data/state.db\nlisten: 127.0.0.1:8080\n");

        Plans.Reports(result, "jaga.yaml:3:8: YAML syntax: While scanning a multi-line double-quoted scalar, found wrong indentation.");
    }

    [Fact]
    public void Yaml_syntax_message_does_not_repeat_the_position()
    {
        var result = Plans.Load(Plans.Header + "state: x\n  bad: y\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(new Mark(4, 6), error.At);
        Assert.DoesNotContain("Line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_yaml_document_is_rejected()
    {
        var result = Plans.Load(Plans.Header + "---\nversion: 1\n");

        Plans.Reports(result, "jaga.yaml:3:1: a plan is one YAML document; found a second one (remove the '---' and what follows)");
    }

    [Fact]
    public void Version_2_is_refused_with_the_version_this_jaga_reads()
    {
        var result = Plans.Load("version: 2\nproject: tokoku\n");

        Plans.Reports(result, "jaga.yaml:1:10: version: this Jaga reads plan version 1, not 2 (set 'version: 1' or upgrade Jaga)");
    }

    [Fact]
    public void Version_that_is_not_a_number_is_reported_as_such()
    {
        var result = Plans.Load("version: one\nproject: tokoku\n");

        Plans.Reports(result, "jaga.yaml:1:10: version: 'one' is not a whole number (write a whole number)");
    }

    [Fact]
    public void Empty_plan_suggests_jaga_init()
    {
        Plans.Reports(Plans.Load(""), "jaga.yaml:1:1: the plan is empty (run 'jaga init' to write a starter plan)");
        Plans.Reports(Plans.Load("# only a comment\n"), "jaga.yaml:1:1: the plan is empty");
    }

    [Fact]
    public void Plan_that_is_a_single_value_must_be_a_mapping()
    {
        Plans.Reports(Plans.Load("hello\n"), "jaga.yaml:1:1: the plan must be a mapping of sections (version, project, backup, …) (start with 'version: 1')");
    }

    [Fact]
    public void Unknown_alias_is_reported_where_it_is_used()
    {
        var result = Plans.Load(Plans.Header + "state: *nowhere\n");

        // The key is then left without a value, which is reported too, at the same place.
        Plans.Reports(result,
            "jaga.yaml:3:8: unknown alias '*nowhere' (define the anchor with '&name' before using it)",
            "jaga.yaml:3:8: state: has no value");
    }

    [Fact]
    public void Merge_keys_fill_in_entries_and_written_entries_win()
    {
        var plan = Plans.Valid(Plans.Header + """
            destinations:
              local: { path: backup/ }
            backup:
              - &job
                name: db
                source: { sqlite: data/app.db }
                schedule: "0 2 * * *"
                to: [local]
                compress: gzip
              - <<: *job
                name: db2
            """).Plan;

        Assert.Equal(["db", "db2"], plan.Backup.Select(b => b.Name));
        Assert.Equal(Compression.Gzip, plan.Backup[1].Compress);
        Assert.Equal("data/app.db", Assert.IsType<SqliteDatabase>(plan.Backup[1].Source).Sqlite);
    }

    [Fact]
    public void Key_written_twice_after_a_merge_is_still_a_duplicate()
    {
        var result = Plans.Load(Plans.Header + """
            destinations:
              local: &dest { path: backup/ }
              copy:
                <<: *dest
                path: copy/
                path: again/
            """);

        Plans.Reports(result, "jaga.yaml:8:5: duplicate key 'path' (first at line 7) (keep one of them)");
    }
}
