using System.Net;
using System.Net.Sockets;
using Jaga.Core.Conditions;
using Jaga.Core.Messages;
using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>One real request to a Kestrel server on loopback, judged by Step 4 conditions as an http check is.</summary>
[Trait("Category", "Integration")]
public sealed class HttpStepRunnerTests(StepWeb web) : IClassFixture<StepWeb>, IDisposable
{
    private readonly ProbeHttp http = new();

    private HttpStepRunner Runner(Catalog? words = null) => new(http, TimeProvider.System, new Redactor([StepWeb.Secret]), words ?? Catalog.English);

    private static IReadOnlyList<Condition> When(params string[] conditions) => [.. conditions.Select(Condition.Parse)];

    [Fact]
    public async Task A_healthy_answer_with_no_conditions_passes_the_default_status_below_400()
    {
        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/ok"));

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Matches(@"^200 in \d+ ms$", result.Reason);
        Assert.Equal("ok\n", result.Output);
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public async Task A_failed_condition_is_named_with_what_was_seen_as_checks_do()
    {
        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/status/503") { Conditions = When("[STATUS] == 200") });

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal("[STATUS] == 200 failed: [STATUS] was 503", result.Reason);
        Assert.Equal("status 503\n", result.Tail);
    }

    [Fact]
    public async Task Json_body_placeholders_work_as_in_http_checks()
    {
        var passing = await Runner().RunAsync(new HttpSpec($"{web.Url}/json") { Conditions = When("[STATUS] == 200", "[BODY].data.status == UP", "[RESPONSE_TIME] < 10000") });
        var failing = await Runner().RunAsync(new HttpSpec($"{web.Url}/json") { Conditions = When("[BODY].data.status == DOWN") });

        Assert.Equal(StepOutcome.Succeeded, passing.Outcome);
        Assert.Equal("[BODY].data.status == DOWN failed: [BODY].data.status was UP", failing.Reason);
    }

    [Fact]
    public async Task Method_headers_and_body_are_sent()
    {
        var spec = new HttpSpec($"{web.Url}/echo")
        {
            Method = "POST",
            Headers = new Dictionary<string, string> { ["X-Step"] = "restart", ["Content-Type"] = "application/json" },
            Body = """{"a":1}""",
        };

        var result = await Runner().RunAsync(spec);

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal("POST restart application/json {\"a\":1}\n", result.Output);
    }

    [Fact]
    public async Task A_slow_server_beyond_the_timeout_is_timed_out_not_an_exception()
    {
        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/slow") { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(StepOutcome.TimedOut, result.Outcome);
        Assert.Equal("timed out after 1s", result.Reason);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Cancellation_is_a_cancelled_result()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/slow") { Timeout = TimeSpan.FromMinutes(1) }, cts.Token);

        Assert.Equal(StepOutcome.Cancelled, result.Outcome);
        Assert.StartsWith("cancelled after ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_fails_with_the_reason_first()
    {
        var result = await Runner().RunAsync(new HttpSpec($"http://127.0.0.1:{ClosedPort()}/") { Conditions = When("[STATUS] == 200") });

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.StartsWith("connection refused; [STATUS] == 200 failed: [STATUS] was absent", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_the_body_is_masked_in_the_output_tail_and_reason()
    {
        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/secret") { Conditions = When("[BODY] == fine") });

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal("[BODY] == fine failed: [BODY] was token=*** issued", result.Reason);
        Assert.Equal("token=*** issued\n", result.Output);
        Assert.DoesNotContain(StepWeb.Secret, result.Tail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_kept_as_output_is_bounded_but_conditions_read_it_whole()
    {
        var result = await Runner().RunAsync(new HttpSpec($"{web.Url}/big") { Conditions = When("len([BODY]) == 307203") });

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.InRange(result.Output.Length, StepOutput.HeadLimit + StepOutput.TailLimit, StepOutput.HeadLimit + StepOutput.TailLimit + 100);
        Assert.Contains("characters omitted", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("end\n", result.Tail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reason_is_in_the_plans_language()
    {
        var result = await Runner(Catalog.Indonesian).RunAsync(new HttpSpec($"{web.Url}/slow") { Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal("melewati batas waktu 1s", result.Reason);
    }

    public void Dispose() => http.Dispose();

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
