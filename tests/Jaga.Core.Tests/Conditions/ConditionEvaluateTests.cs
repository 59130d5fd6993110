using Jaga.Core.Conditions;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Conditions;

/// <summary>Conditions applied to what a probe saw, with Gatus's comparison rules and a reason naming the observed value.</summary>
public sealed class ConditionEvaluateTests
{
    private static CheckObservation Http(int status, string? body = null, int ms = 35) =>
        new(true, TimeSpan.FromMilliseconds(ms)) { Status = status, Body = body };

    private static ConditionOutcome Eval(string condition, CheckObservation o) => Condition.Parse(condition).Evaluate(o);

    [Fact]
    public void A_failed_status_condition_names_the_status_seen()
    {
        var outcome = Eval("[STATUS] == 200", Http(503));

        Assert.False(outcome.Passed);
        Assert.Equal("[STATUS] == 200 failed: [STATUS] was 503", outcome.ToString());
    }

    [Fact]
    public void A_json_path_reads_nested_fields_and_names_the_value_seen()
    {
        var body = """{"data":{"status":"DOWN"}}""";

        Assert.Equal("[BODY].data.status == UP failed: [BODY].data.status was DOWN", Eval("[BODY].data.status == UP", Http(200, body)).ToString());
        Assert.True(Eval("[BODY].data.status == DOWN", Http(200, body)).Passed);
    }

    [Fact]
    public void A_json_path_on_a_body_that_is_not_json_is_absent_and_fails()
    {
        var outcome = Eval("[BODY].data.status == UP", Http(200, "<html>oops</html>"));

        Assert.False(outcome.Passed);
        Assert.Equal("[BODY].data.status == UP failed: [BODY].data.status was absent (body is not JSON)", outcome.ToString());
    }

    [Fact]
    public void An_absent_value_fails_even_with_not_equal()
    {
        Assert.False(Eval("[BODY].missing != UP", Http(200, "{}")).Passed);
    }

    [Theory]
    [InlineData("""[{"name":"a"},{"name":"b"}]""", "[BODY][1].name == b")]
    [InlineData("""{"items":[{"name":"a"},{"name":"b"}]}""", "[BODY].items[1].name == b")]
    [InlineData("""{"items":[1,2,3]}""", "len([BODY].items) == 3")]
    [InlineData("""{"name":"jaga"}""", "len([BODY].name) == 4")]
    [InlineData("""[1,2]""", "len([BODY]) == 2")]
    [InlineData("""{"errors":[]}""", "has([BODY].errors) == true")]
    [InlineData("""{"ok":true}""", "has([BODY].errors) == false")]
    [InlineData("""{"count":12}""", "[BODY].count > 9")]
    [InlineData("""{"ratio":0.5}""", "[BODY].ratio == 0.50")]
    [InlineData("""{"version":"2.14.1"}""", "[BODY].version == pat(2.*)")]
    [InlineData("""{"version":"3.0"}""", "[BODY].version != pat(2.*)")]
    [InlineData("""{"state":"degraded"}""", "[BODY].state == any(ok, degraded)")]
    [InlineData("""{"state":"degraded"}""", "any(ok, degraded) == [BODY].state")]
    [InlineData("""{"version":"v2.14"}""", "pat(v[0-9].??) == [BODY].version")]
    [InlineData("""{"version":"v2.x"}""", "[BODY].version != pat(v[0-9].[^x])")]
    [InlineData("""{"version":"v2.x"}""", "[BODY].version == pat(v?.[!0-9])")]
    [InlineData("""{"star":"a*b"}""", "[BODY].star == pat(a\\*b)")]
    [InlineData("""{"flags":"0x1F"}""", "[BODY].flags == 31")]
    [InlineData("""{"flags":"0o17"}""", "[BODY].flags < 0x10")]
    [InlineData("""{"flags":"-0b11"}""", "[BODY].flags == -3")]
    [InlineData("""{"items":[1,2]}""", "has([BODY].items[-1]) == false")]
    [InlineData("""{"items":[1,2]}""", "has([BODY].items[last]) == false")]
    [InlineData("""{"items":[1,2]}""", "has([BODY].items[99999999999]) == false")]
    public void Json_paths_and_functions_work_as_in_Gatus(string body, string condition)
    {
        Assert.True(Eval(condition, Http(200, body)).Passed);
    }

    [Fact]
    public void Numbers_compare_numerically_and_text_as_text()
    {
        Assert.True(Eval("[STATUS] < 400", Http(302)).Passed);
        Assert.True(Eval("[STATUS] == 200.0", Http(200)).Passed);
        Assert.True(Eval("[BODY] == UP", Http(200, "UP\n")).Passed);
        Assert.False(Eval("[BODY] == up", Http(200, "UP")).Passed);
    }

    [Fact]
    public void Response_time_is_in_milliseconds_and_shown_with_its_unit()
    {
        var outcome = Eval("[RESPONSE_TIME] < 500", Http(200, ms: 812));

        Assert.Equal("[RESPONSE_TIME] < 500 failed: [RESPONSE_TIME] was 812 ms", outcome.ToString());
        Assert.True(Eval("[RESPONSE_TIME] < 1s", Http(200, ms: 812)).Passed);
    }

    [Fact]
    public void Certificate_expiration_compares_with_a_duration_or_milliseconds()
    {
        var o = new CheckObservation(true, TimeSpan.FromMilliseconds(20)) { CertificateExpiration = TimeSpan.FromDays(3) };

        Assert.True(Eval("[CERTIFICATE_EXPIRATION] > 48h", o).Passed);
        Assert.True(Eval("[CERTIFICATE_EXPIRATION] > 172800000", o).Passed);
        Assert.Equal("[CERTIFICATE_EXPIRATION] > 7d failed: [CERTIFICATE_EXPIRATION] was 3d", Eval("[CERTIFICATE_EXPIRATION] > 7d", o).ToString());
    }

    [Fact]
    public void Connected_result_exit_code_and_perf_values_are_read_from_the_observation()
    {
        var o = new CheckObservation(true, TimeSpan.Zero)
        {
            Result = "42",
            ExitCode = 1,
            Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["load1"] = "0.52", ["disk"] = "91%" },
        };

        Assert.True(Eval("[CONNECTED] == true", o).Passed);
        Assert.True(Eval("[RESULT] >= 40", o).Passed);
        Assert.True(Eval("[EXIT_CODE] == 1", o).Passed);
        Assert.True(Eval("[PERF].load1 < 4", o).Passed);
        Assert.False(Eval("[PERF].disk < 90", o).Passed);
        Assert.Equal("[PERF].swap < 50 failed: [PERF].swap was absent (no performance value 'swap')", Eval("[PERF].swap < 50", o).ToString());
    }

    [Fact]
    public void A_probe_without_an_answer_says_why_the_value_is_absent()
    {
        var o = new CheckObservation(false, TimeSpan.FromSeconds(10)) { Error = "connection refused" };

        Assert.Equal("[STATUS] == 200 failed: [STATUS] was absent (no HTTP status: connection refused)", Eval("[STATUS] == 200", o).ToString());
    }

    [Fact]
    public void A_long_body_is_shortened_in_the_reason()
    {
        var outcome = Eval("[BODY] == ok", Http(200, new string('x', 500)));

        Assert.True(outcome.Observed.Length < 120);
        Assert.EndsWith("…", outcome.Observed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("2.*", "2.14", true)]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("a*c*e", "abcde", true)]
    [InlineData("a*c*e", "abde", false)]
    [InlineData("ab*ba", "aba", false)]
    public void Patterns_match_with_star_for_any_run(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, Comparison.Pattern(pattern, text));
    }
}
