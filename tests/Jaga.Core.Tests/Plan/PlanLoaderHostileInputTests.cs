using Jaga.Core.Errors;
using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Plan;

/// <summary>Plans a hostile tester wrote: YAML the parser chokes on, values that are accepted but wrong, values too long to
/// quote back. Each is an error with its position, never an exception.</summary>
public sealed class PlanLoaderHostileInputTests
{
    [Fact]
    public void An_unclosed_bracket_before_the_next_key_is_a_positioned_yaml_error_not_a_parser_exception()
    {
        // YamlDotNet's scanner throws InvalidOperationException (no position) on this one.
        var result = Plans.Load(Plans.Header + "timezone: [\nlanguage: id\n");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("jaga.yaml:4:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("YAML syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_brace_before_the_next_key_is_a_positioned_yaml_error()
    {
        var result = Plans.Load(Plans.Header + "{\nlanguage: id\n");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("jaga.yaml:4:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("YAML syntax", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 30 2 *")]
    [InlineData("0 0 31 4 *")]
    [InlineData("0 0 31 2,4,6,9,11 *")]
    public void A_cron_schedule_that_can_never_fire_is_refused_at_its_position(string cron)
    {
        var result = Plans.Load(Plans.Header + $"destinations:\n  local: {{ path: backup/ }}\nbackup:\n  - name: db\n    source: {{ sqlite: app.db }}\n    schedule: \"{cron}\"\n    to: [local]\n");

        Plans.Reports(result, $"jaga.yaml:8:15: backup[0].schedule: '{cron}' is not a schedule: it never fires");
    }

    [Fact]
    public void A_leap_day_schedule_stays_valid()
    {
        Plans.Valid(Plans.Header + "destinations:\n  local: { path: backup/ }\nbackup:\n  - name: db\n    source: { sqlite: app.db }\n    schedule: \"0 3 29 2 *\"\n    to: [local]\n");
    }

    [Fact]
    public void A_duration_with_a_unit_written_twice_is_refused()
    {
        var result = Plans.Load(Plans.Header + "monitoring:\n  host: { every: 1h1h }\n");

        Plans.Reports(result, "jaga.yaml:4:18: monitoring.host.every: '1h1h' is not a duration");
    }

    [Fact]
    public void An_empty_state_path_is_refused_at_validate()
    {
        Plans.Reports(Plans.Load(Plans.Header + "state: \"\"\n"), "jaga.yaml:3:8: state: the path is empty");
        Plans.Reports(Plans.Load(Plans.Header + "state: \"sqlite:\"\n"), "jaga.yaml:3:8: state: the path is empty");
    }

    [Fact]
    public void A_state_path_that_is_a_folder_is_refused_at_validate()
    {
        var world = new PlanWorld(_ => null, _ => null) { IsFolder = p => p is "/tmp" or "/srv/tokoku/data" };

        var absolute = PlanLoader.Load(Plans.Header + "state: /tmp\n", Plans.File, Plans.Folder, world);
        var relative = PlanLoader.Load(Plans.Header + "state: sqlite:data\n", Plans.File, Plans.Folder, world);

        Plans.Reports(absolute, "jaga.yaml:3:8: state: '/tmp' is a folder; the state store is a SQLite file (write a file path inside it, such as /tmp/state.db)");
        Plans.Reports(relative, "jaga.yaml:3:8: state: 'data' is a folder");
    }

    [Fact]
    public void A_huge_value_is_quoted_back_by_its_start_and_length_only()
    {
        // Larger than a plan file may be (1 MiB), as a value can only be given to the loader directly; one from an env
        // file is at most that long.
        var huge = new string('x', 2 * 1024 * 1024);

        var result = Plans.Load(Plans.Header + $"timezone: {huge}\n");

        var error = Assert.Single(result.Errors).ToString();
        Assert.InRange(error.Length, 1, 399);
        Assert.StartsWith($"jaga.yaml:3:11: timezone: '{new string('x', 80)}… (2097152 characters)' is not a known time zone", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_env_file_that_cannot_be_read_is_an_error_at_its_entry_in_the_plan()
    {
        var world = new PlanWorld(_ => null, p => throw new UserException($"the env file {p} is a FIFO (named pipe), not a regular file", "give the path of a regular file as the env file"));

        var result = PlanLoader.Load(Plans.Header + "env_files: [pipe]\n", Plans.File, Plans.Folder, world);

        Plans.Reports(result, "jaga.yaml:3:13: env_files: the env file /srv/tokoku/pipe is a FIFO (named pipe), not a regular file (give the path of a regular file as the env file)");
    }
}
