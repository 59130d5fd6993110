using Jaga.Core.Emergency;
using Jaga.Core.Errors;
using Jaga.Core.Interpolation;

namespace Jaga.Core.Tests.Emergency;

/// <summary>A step's text is read into its references when the plan loads and filled in only when the step runs.</summary>
public sealed class StepTemplateTests
{
    private static readonly Dictionary<string, string> Params = new() { ["version"] = "1.4.2", ["note"] = "it's $(rm -rf /)" };

    private static readonly Dictionary<string, StepOutput> Steps = new() { ["dump"] = new StepOutput("/tmp/db.sql", 0), ["ask"] = new StepOutput("yes", null) };

    private static VariableValue? Env(string name) => name switch
    {
        "DB_PASSWORD" => new VariableValue("hunter2-secret", true),
        "APP_DIR" => new VariableValue("/srv/app", false),
        _ => null,
    };

    [Fact]
    public void Parse_finds_each_kind_of_reference_with_its_offset()
    {
        var t = StepTemplate.Parse("deploy ${params.version} from ${steps.dump.output} (${steps.dump.exit_code}) in ${APP_DIR:-/opt}");

        Assert.Empty(t.Problems);
        Assert.Equal(
            [(TemplateSource.Param, "version", 7), (TemplateSource.StepOutput, "dump", 30), (TemplateSource.StepExitCode, "dump", 52), (TemplateSource.Variable, "APP_DIR", 80)],
            t.References.Select(r => (r.Source, r.Name, r.Offset)));
        Assert.Equal("/opt", t.References.Last().Fallback);
        Assert.Equal("${steps.dump.exit_code}", t.References.ElementAt(2).Text);
    }

    [Theory]
    [InlineData("${params.}")]
    [InlineData("${steps.dump}")]
    [InlineData("${steps.dump.stdout}")]
    [InlineData("${params}")]
    [InlineData("${}")]
    [InlineData("${steps.bad name.output}")]
    public void A_reference_that_does_not_read_is_a_problem_at_its_dollar(string reference)
    {
        var t = StepTemplate.Parse("echo " + reference);

        var problem = Assert.Single(t.Problems);
        Assert.Equal(5, problem.Offset);
        Assert.Equal("plan.error.template", problem.Message.Key);
    }

    [Fact]
    public void An_unclosed_reference_is_a_problem()
    {
        Assert.Equal("plan.error.unclosed", Assert.Single(StepTemplate.Parse("echo ${params.x").Problems).Message.Key);
    }

    [Fact]
    public void Resolve_fills_in_parameters_outputs_exit_codes_and_variables()
    {
        var r = StepTemplate.Resolve("v=${params.version} f=${steps.dump.output} c=${steps.dump.exit_code} d=${APP_DIR} x=${UNSET:-none} a=${steps.ask.exit_code}.", Params, Steps, Env);

        Assert.Equal("v=1.4.2 f=/tmp/db.sql c=0 d=/srv/app x=none a=.", r.Value);
        Assert.Empty(r.Secrets);
    }

    [Fact]
    public void Resolve_names_the_secret_values_that_went_in_for_the_executor_to_mask()
    {
        var r = StepTemplate.Resolve("pg_dump --password=${DB_PASSWORD}", Params, Steps, Env);

        Assert.Equal("pg_dump --password=hunter2-secret", r.Value);
        Assert.Equal(["hunter2-secret"], r.Secrets);
    }

    [Fact]
    public void Shell_quoting_makes_a_value_one_word_never_code_and_leaves_variables_as_today()
    {
        var r = StepTemplate.Resolve("echo ${params.note} ${APP_DIR}", Params, Steps, Env, StepTemplate.ShellQuote);

        Assert.Equal("echo 'it'\\''s $(rm -rf /)' /srv/app", r.Value);
    }

    [Fact]
    public void A_literal_dollar_brace_stays_and_text_without_references_is_unchanged()
    {
        Assert.Equal("echo ${HOME} $PATH", StepTemplate.Resolve("echo $${HOME} $PATH", Params, Steps, Env).Value);
        Assert.Empty(StepTemplate.Parse("echo $${HOME}").References);
    }

    [Fact]
    public void An_unset_variable_without_default_is_a_user_error_naming_it()
    {
        var e = Assert.Throws<UserException>(() => StepTemplate.Resolve("echo ${MISSING}", Params, Steps, Env));

        Assert.Equal("variable MISSING is not set", e.Message);
    }

    [Fact]
    public void A_parameter_or_step_the_caller_did_not_give_is_a_bug_of_the_caller()
    {
        Assert.Throws<ArgumentException>(() => StepTemplate.Resolve("${params.other}", Params, Steps, Env));
        Assert.Throws<ArgumentException>(() => StepTemplate.Resolve("${steps.later.output}", Params, Steps, Env));
        Assert.Throws<ArgumentException>(() => StepTemplate.Resolve("${steps.x}", Params, Steps, Env));
    }
}
