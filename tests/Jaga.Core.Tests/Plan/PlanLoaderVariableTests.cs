namespace Jaga.Core.Tests.Plan;

/// <summary><c>${VAR}</c> in the plan and the env files that fill it.</summary>
public sealed class PlanLoaderVariableTests
{
    private const string Hint = "(export STATE_DIR=… or add it to an env file listed in env_files; or write ${STATE_DIR:-default})";

    [Fact]
    public void Missing_variable_in_a_plain_value_points_at_its_dollar()
    {
        var result = Plans.Load(Plans.Header + "state: data/${STATE_DIR}/state.db\n");

        Plans.Reports(result, "jaga.yaml:3:13: state: variable STATE_DIR is not set " + Hint);
    }

    [Fact]
    public void Missing_variable_in_a_double_quoted_value_points_at_its_dollar()
    {
        var result = Plans.Load(Plans.Header + "state: \"data/${STATE_DIR}/state.db\"\n");

        Plans.Reports(result, "jaga.yaml:3:14: state: variable STATE_DIR is not set " + Hint);
    }

    [Fact]
    public void Missing_variable_in_a_single_quoted_value_points_at_its_dollar()
    {
        var result = Plans.Load(Plans.Header + "state: 'data/${STATE_DIR}/state.db'\n");

        Plans.Reports(result, "jaga.yaml:3:14: state: variable STATE_DIR is not set");
    }

    [Fact]
    public void Each_missing_variable_of_a_value_is_reported_at_its_own_place()
    {
        var result = Plans.Load(Plans.Header + "state: \"${STATE_ROOT}/${STATE_DIR}\"\n");

        Plans.Reports(result,
            "jaga.yaml:3:9: state: variable STATE_ROOT is not set",
            "jaga.yaml:3:23: state: variable STATE_DIR is not set");
    }

    [Fact]
    public void Missing_variable_inside_a_flow_mapping_points_at_its_dollar()
    {
        var result = Plans.Load(Plans.Header + "log: { file: \"logs/${LOG_NAME}.log\" }\n");

        Plans.Reports(result, "jaga.yaml:3:20: log.file: variable LOG_NAME is not set");
    }

    [Fact]
    public void Missing_variable_in_a_block_scalar_points_at_the_block_not_past_the_line()
    {
        var result = Plans.Load(Plans.Header + "update:\n  test: |\n    dotnet test --filter ${TEST_FILTER}\n");

        // The block's text starts on the next line at an indentation the node does not carry:
        // the error names the block's indicator rather than a column that does not exist on line 4.
        Plans.Reports(result, "jaga.yaml:4:9: update.test: variable TEST_FILTER is not set");
    }

    [Fact]
    public void Missing_variable_in_a_value_folded_over_two_lines_points_at_the_value()
    {
        var result = Plans.Load(Plans.Header + "update:\n  test: dotnet test\n    --filter ${TEST_FILTER}\n");

        Plans.Reports(result, "jaga.yaml:4:9: update.test: variable TEST_FILTER is not set");
    }

    [Fact]
    public void Unterminated_variable_is_reported_at_its_dollar()
    {
        var result = Plans.Load(Plans.Header + "state: \"data/${STATE_DIR/state.db\"\n");

        Plans.Reports(result, "jaga.yaml:3:14: state: '${' is not closed with '}' (write ${NAME})");
    }

    [Fact]
    public void Default_is_used_when_the_variable_is_not_set()
    {
        var plan = Plans.Valid(Plans.Header + "state: \"${STATE_DIR:-.jaga}/state.db\"\n").Plan;

        Assert.Equal(".jaga/state.db", plan.State);
    }

    [Fact]
    public void Double_dollar_writes_a_literal_dollar_brace()
    {
        var plan = Plans.Valid(Plans.Header + "update:\n  test: \"echo $${HOME}\"\n").Plan;

        Assert.Equal("echo ${HOME}", plan.Update.Test);
    }

    [Fact]
    public void Process_environment_fills_variables_and_wins_over_env_files()
    {
        var files = new Dictionary<string, string> { [".env.production"] = "STATE_DIR=from-file\n" };
        var variables = new Dictionary<string, string> { ["STATE_DIR"] = "from-process" };

        var plan = Plans.Valid(Plans.Header + "env_files: [.env.production]\nstate: ${STATE_DIR}/state.db\n", files, variables).Plan;

        Assert.Equal("from-process/state.db", plan.State);
    }

    [Fact]
    public void Later_env_file_overrides_an_earlier_one()
    {
        var files = new Dictionary<string, string> { [".env"] = "STATE_DIR=dev\nLOG=dev.log\n", [".env.production"] = "STATE_DIR=prod\n" };

        var plan = Plans.Valid(Plans.Header + "env_files: [.env, .env.production]\nstate: ${STATE_DIR}\nlog: { file: \"${LOG}\" }\n", files).Plan;

        Assert.Equal("prod", plan.State);
        Assert.Equal("dev.log", plan.Log.File);
    }

    [Fact]
    public void Missing_env_file_is_reported_at_its_name_in_the_plan()
    {
        var result = Plans.Load(Plans.Header + "env_files: [.env.missing]\n");

        Plans.Reports(result, "jaga.yaml:3:13: env_files: '.env.missing' not found (create it, or remove it from env_files (paths are relative to the plan's folder))");
    }

    [Fact]
    public void Env_file_mistakes_are_reported_with_the_env_files_name_and_line()
    {
        var files = new Dictionary<string, string>
        {
            [".env.production"] = "# production values\nDATABASE_URL=postgres://app:pw@db/shop\nthis line is wrong\n  export 9LIVES=cat\nQUOTE='never closed\n",
        };

        var result = Plans.Load(Plans.Header + "env_files: [.env.production]\n", files);

        Plans.Reports(result,
            ".env.production:3:1: expected KEY=value (fix this line of the env file)",
            ".env.production:4:10: this is not a variable name (letters, digits and _; not starting with a digit)",
            ".env.production:5:7: unterminated single quote");
    }
}
