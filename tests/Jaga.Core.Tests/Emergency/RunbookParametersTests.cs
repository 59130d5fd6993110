using Jaga.Core.Emergency;
using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;

namespace Jaga.Core.Tests.Emergency;

/// <summary>Values given for a run are checked against the runbook's parameters, with clear messages in both languages.</summary>
public sealed class RunbookParametersTests
{
    private static readonly Runbook Deploy = new("deploy", null,
    [
        new RunbookParam("version", ParamType.String, null, [], null),
        new RunbookParam("env", ParamType.String, "production", ["staging", "production"], null),
        new RunbookParam("replicas", ParamType.Int, "2", [], null),
        new RunbookParam("dry", ParamType.Bool, "false", [], null),
        new RunbookParam("drain", ParamType.Duration, "30s", [], null),
    ], TimeSpan.FromMinutes(30), null, []);

    private static IReadOnlyDictionary<string, string> Given(params string[] pairs) => RunbookParameters.ParsePairs(pairs, Catalog.English);

    [Fact]
    public void Given_values_and_defaults_make_every_parameter()
    {
        var check = RunbookParameters.Check(Deploy, Given("version=1.4.2", "replicas=3", "drain=1m"));

        Assert.True(check.Ok);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1.4.2", ["env"] = "production", ["replicas"] = "3", ["dry"] = "false", ["drain"] = "1m" }, check.Values);
    }

    [Fact]
    public void Pairs_split_at_the_first_equals_and_may_be_empty()
    {
        Assert.Equal(new Dictionary<string, string> { ["q"] = "a=b", ["e"] = "" }, Given("q=a=b", "e="));
    }

    [Theory]
    [InlineData("en", "--param 'version' is not NAME=VALUE")]
    [InlineData("id", "--param 'version' bukan NAMA=NILAI")]
    public void A_pair_without_equals_is_a_user_error_in_the_readers_language(string language, string message)
    {
        var e = Assert.Throws<UserException>(() => RunbookParameters.ParsePairs(["version"], Catalog.For(language)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_name_given_twice_is_refused()
    {
        Assert.Equal("parameter 'version' is given twice", Assert.Throws<UserException>(() => Given("version=1", "version=2")).Message);
    }

    [Theory]
    [InlineData("en", "runbook 'deploy' has no parameter 'verison'; parameter 'version' is required; parameter 'env': 'prod' is not one of staging, production; parameter 'replicas': 'three' is not a whole number; parameter 'dry': 'yes' is not true or false; parameter 'drain': 'soon' is not a duration")]
    [InlineData("id", "runbook 'deploy' tidak punya parameter 'verison'; parameter 'version' wajib diisi; parameter 'env': 'prod' bukan salah satu dari staging, production; parameter 'replicas': 'three' bukan bilangan bulat; parameter 'dry': 'yes' bukan true atau false; parameter 'drain': 'soon' bukan durasi")]
    public void Every_problem_is_named_with_how_to_fix_it(string language, string message)
    {
        var e = Assert.Throws<UserException>(() =>
            RunbookParameters.Require(Deploy, Given("verison=1", "env=prod", "replicas=three", "dry=yes", "drain=soon"), Catalog.For(language)));

        Assert.Equal(message, e.Message);
        Assert.Contains(language == "en" ? "did you mean 'version'?" : "maksud Anda 'version'?", e.Hint, StringComparison.Ordinal);
        Assert.Contains("--param version=VALUE", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_without_parameters_says_so()
    {
        var none = Deploy with { Params = [] };

        var check = RunbookParameters.Check(none, Given("x=1"));

        Assert.Equal("param.none", Assert.Single(check.Problems).Hint.Key);
        Assert.True(RunbookParameters.Check(none, Given()).Ok);
    }
}
