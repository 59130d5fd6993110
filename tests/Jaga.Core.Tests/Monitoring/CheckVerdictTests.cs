using Jaga.Core.Monitoring;
using Jaga.Core.Redaction;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>A probe's observation becomes up, warning or down with a reason that names what failed and what was seen.</summary>
public sealed class CheckVerdictTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 15, 2, 15, 0, TimeSpan.Zero);

    private static CheckObservation Seen(bool connected = true, int ms = 35) => new(connected, TimeSpan.FromMilliseconds(ms));

    [Fact]
    public void Http_without_expect_passes_below_400_with_a_short_summary()
    {
        var result = CheckVerdict.Judge(Checks.Of("api"), Seen() with { Status = 200 }, At, Redactor.None);

        Assert.Equal(CheckOutcome.Up, result.Outcome);
        Assert.Equal("200 in 35 ms", result.Reason);
        Assert.Equal(At, result.At);
        Assert.Equal(TimeSpan.FromMilliseconds(35), result.Duration);
    }

    [Fact]
    public void Http_without_expect_fails_at_500_naming_the_default_condition()
    {
        var result = CheckVerdict.Judge(Checks.Of("api"), Seen() with { Status = 503 }, At, Redactor.None);

        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.Equal("[STATUS] < 400 failed: [STATUS] was 503", result.Reason);
    }

    [Fact]
    public void Every_failed_expect_condition_is_named_with_its_value()
    {
        var check = Checks.Of("api", expect: ["[STATUS] == 200", "[RESPONSE_TIME] < 500", "[BODY].status == UP"]);

        var result = CheckVerdict.Judge(check, Seen(ms: 812) with { Status = 200, Body = """{"status":"DOWN"}""" }, At, Redactor.None);

        Assert.Equal("[RESPONSE_TIME] < 500 failed: [RESPONSE_TIME] was 812 ms; [BODY].status == UP failed: [BODY].status was DOWN", result.Reason);
    }

    [Fact]
    public void A_probe_error_without_connection_starts_the_reason()
    {
        var result = CheckVerdict.Judge(Checks.Of("db", "tcp"), Seen(connected: false) with { Error = "connection refused" }, At, Redactor.None);

        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.StartsWith("connection refused; [CONNECTED] == true failed: [CONNECTED] was false", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_without_expect_wants_noerror_and_shows_the_answer()
    {
        var check = Checks.Of("resolver", "dns");
        var answered = Seen() with { Body = "203.0.113.10", Values = new Dictionary<string, string> { [CheckVerdict.DnsRcode] = "NOERROR" } };
        var missing = Seen() with { Values = new Dictionary<string, string> { [CheckVerdict.DnsRcode] = "NXDOMAIN" } };

        Assert.Equal("203.0.113.10 in 35 ms", CheckVerdict.Judge(check, answered, At, Redactor.None).Reason);
        Assert.Equal("[DNS_RCODE] == NOERROR failed: [DNS_RCODE] was NXDOMAIN", CheckVerdict.Judge(check, missing, At, Redactor.None).Reason);
        Assert.Equal(CheckOutcome.Down, CheckVerdict.Judge(check, Seen(connected: false) with { Error = "timed out after 10s" }, At, Redactor.None).Outcome);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    [InlineData("mysql")]
    [InlineData("process")]
    [InlineData("backup")]
    [InlineData("heartbeat")]
    [InlineData("updates")]
    [InlineData("icmp")]
    [InlineData("ssh")]
    public void Other_kinds_without_expect_pass_when_connected(string kind)
    {
        Assert.Equal(CheckOutcome.Up, CheckVerdict.Judge(Checks.Of("c", kind), Seen(), At, Redactor.None).Outcome);
        Assert.Equal(CheckOutcome.Down, CheckVerdict.Judge(Checks.Of("c", kind), Seen(connected: false), At, Redactor.None).Outcome);
    }

    [Theory]
    [InlineData("tls")]
    [InlineData("starttls")]
    public void Tls_without_expect_fails_a_certificate_expiring_within_seven_days(string kind)
    {
        var check = Checks.Of("cert", kind);

        var soon = CheckVerdict.Judge(check, Seen() with { CertificateExpiration = TimeSpan.FromDays(3) }, At, Redactor.None);
        var later = CheckVerdict.Judge(check, Seen() with { CertificateExpiration = TimeSpan.FromDays(40) }, At, Redactor.None);

        Assert.Equal("[CERTIFICATE_EXPIRATION] > 7d failed: [CERTIFICATE_EXPIRATION] was 3d", soon.Reason);
        Assert.Equal(CheckOutcome.Up, later.Outcome);
        Assert.Equal("certificate valid for 40d, 35 ms", later.Reason);
    }

    [Theory]
    [InlineData(0, CheckOutcome.Up, "OK - load average: 0.52")]
    [InlineData(1, CheckOutcome.Warning, "WARNING - load average: 0.52")]
    [InlineData(2, CheckOutcome.Down, "CRITICAL: OK - load average: 0.52")]
    [InlineData(3, CheckOutcome.Down, "UNKNOWN: OK - load average: 0.52")]
    [InlineData(127, CheckOutcome.Down, "UNKNOWN (exit code 127): OK - load average: 0.52")]
    public void A_command_follows_the_nagios_exit_code(int code, CheckOutcome outcome, string reason)
    {
        var body = code == 1 ? "WARNING - load average: 0.52|load1=0.52;1;2" : "OK - load average: 0.52|load1=0.52;1;2";

        var result = CheckVerdict.Judge(Checks.Of("load", "command"), Seen() with { ExitCode = code, Body = body }, At, Redactor.None);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(outcome != CheckOutcome.Down, result.Passed);
    }

    [Fact]
    public void A_command_with_conditions_is_down_when_one_fails_even_at_exit_0()
    {
        var check = Checks.Of("load", "command", expect: ["[PERF].load1 < 4"]);
        var seen = Seen() with
        {
            ExitCode = 0,
            Body = "OK",
            Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["load1"] = "6.1" },
        };

        var result = CheckVerdict.Judge(check, seen, At, Redactor.None);

        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.Equal("[PERF].load1 < 4 failed: [PERF].load1 was 6.1", result.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_reason_never_carries_a_secret_the_probe_saw(int code)
    {
        var check = Checks.Of("app", "command", expect: ["[BODY] == fine"]);
        var seen = Seen() with { ExitCode = code, Body = "login with password=hunter2-pw for s3cr3t-known-value" };

        var result = CheckVerdict.Judge(check, seen, At, new Redactor(["s3cr3t-known-value"]));

        Assert.DoesNotContain("hunter2-pw", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-known-value", result.Reason, StringComparison.Ordinal);
        Assert.Contains("password=***", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_warning_makes_a_result_that_passes_its_conditions_a_warning_with_the_probe_reason()
    {
        var seen = Seen() with { Warning = "1 security update(s) overdue", Body = "1 pending" };

        var result = CheckVerdict.Judge(Checks.Of("security-updates", "updates"), seen, At, Redactor.None);

        Assert.Equal((CheckOutcome.Warning, "1 security update(s) overdue"), (result.Outcome, result.Reason));
        var calm = CheckVerdict.Judge(Checks.Of("security-updates", "updates"), Seen() with { Body = "no security update pending" }, At, Redactor.None);
        Assert.Equal((CheckOutcome.Up, "no security update pending"), (calm.Outcome, calm.Reason));
    }

    [Fact]
    public void An_expect_on_the_updates_values_makes_an_overdue_update_down_naming_the_value_and_the_warning()
    {
        var check = Checks.Of("security-updates", "updates", expect: ["[OVERDUE] == 0", "[OLDEST] < 7d"]);
        var seen = Seen() with
        {
            Warning = "1 security update(s) overdue",
            Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["OVERDUE"] = "1", ["OLDEST"] = "781200000" },
        };

        var result = CheckVerdict.Judge(check, seen, At, Redactor.None);

        Assert.Equal(CheckOutcome.Down, result.Outcome);
        Assert.Equal("1 security update(s) overdue; [OVERDUE] == 0 failed: [OVERDUE] was 1; [OLDEST] < 7d failed: [OLDEST] was 9d1h", result.Reason);
    }

    [Fact]
    public void A_named_value_the_probe_did_not_give_fails_with_the_probe_error()
    {
        var check = Checks.Of("security-updates", "updates", expect: ["[OVERDUE] == 0"]);

        var result = CheckVerdict.Judge(check, Seen(connected: false) with { Error = "timed out after 10s" }, At, Redactor.None);

        Assert.Equal("timed out after 10s; [OVERDUE] == 0 failed: [OVERDUE] was absent (no value [OVERDUE]: timed out after 10s)", result.Reason);
    }

    [Fact]
    public void Conditions_are_parsed_once_per_check()
    {
        var check = Checks.Of("api", expect: ["[STATUS] == 200"]);

        Assert.Same(CheckVerdict.ConditionsOf(check), CheckVerdict.ConditionsOf(check));
    }
}
