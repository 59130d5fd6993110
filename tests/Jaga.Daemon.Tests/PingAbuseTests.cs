using System.IO.Pipelines;
using System.Net;
using System.Text.Json;

namespace Jaga.Daemon.Tests;

/// <summary>The heartbeat URLs of a real daemon under abuse: a flood writes no more than the changes of state, is held back
/// with 429, a big body is refused with 413, a check's name is no token on an address other machines reach, and the
/// URL with its token is printed by <c>jaga ping NAME --show-url</c> alone.</summary>
public sealed class PingAbuseTests : IDisposable
{
    private const string Token = "q3xk7m2v9b4n6c8d5f7g2h4j6k";

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    private static string Body(string heartbeat) => $$"""
        monitoring:
          checks:
            - name: nightly
              heartbeat: {{heartbeat}}
        """;

    /// <summary>The plan listening on every interface instead of loopback alone.</summary>
    private void WriteReachablePlan(string body) =>
        File.WriteAllText(project.PlanPath, DaemonProject.Plan(project.Port, body).Replace("listen: 127.0.0.1:", "listen: 0.0.0.0:", StringComparison.Ordinal));

    [Fact]
    public async Task A_flood_of_2000_pings_is_rate_limited_with_429_and_retry_after_and_writes_one_log_line_and_one_audit_entry()
    {
        project.WritePlan(Body($"{{ every: 1h, token: {Token} }}"));
        using var daemon = await project.StartAsync();

        var codes = new Dictionary<int, int>();
        string? retryAfter = null;
        for (var i = 0; i < 2000; i++)
        {
            using var response = await project.Http.GetAsync($"{project.Url}/ping/{Token}");
            codes[(int)response.StatusCode] = codes.GetValueOrDefault((int)response.StatusCode) + 1;
            if (response.StatusCode == HttpStatusCode.TooManyRequests) retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var shown = string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"));
        Assert.True(codes.Keys.Order().SequenceEqual([200, 429]), shown);
        // The burst, plus one for each refill while the flood lasted.
        Assert.InRange(codes[200], 10, 40);
        Assert.NotNull(retryAfter);
        Assert.InRange(double.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 6);
        Assert.Single(project.LogLines(), l => l.Contains("Heartbeat nightly", StringComparison.Ordinal));
        Assert.Single(project.Audit("monitoring.ping"));
        Assert.Equal(codes[200], project.Pings("nightly").Count);

        // Unknown tokens share a limit of their own: the flood of one check's token does not hold them back, nor they it.
        Assert.Equal(404, await project.StatusAsync("/ping/" + Token[..^1]));
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task A_body_over_10_KiB_is_refused_with_413_by_length_or_as_it_arrives_and_a_small_one_is_accepted()
    {
        project.WritePlan(Body($"{{ every: 1h, token: {Token} }}"));
        using var daemon = await project.StartAsync();
        var url = $"{project.Url}/ping/{Token}/fail";

        using (var small = await project.Http.PostAsync(url, new ByteArrayContent(new byte[1024])))
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        using (var big = await project.Http.PostAsync(url, new ByteArrayContent(new byte[20 * 1024])))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        // Chunked, with no Content-Length to refuse up front: counted as it is read.
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[20 * 1024]);
        await pipe.Writer.CompleteAsync();
        using (var chunked = await project.Http.PostAsync(url, new StreamContent(pipe.Reader.AsStream())))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);

        Assert.Single(project.Pings("nightly"));
        Assert.False(daemon.HasExited, daemon.Output);
    }

    [Fact]
    public async Task On_a_reachable_listen_a_name_is_no_token_validate_and_the_daemon_warn_and_show_url_says_how_to_fix_it()
    {
        WriteReachablePlan(Body("{ every: 1h }"));

        var validate = await project.JagaAsync("validate");
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains(":13:7: monitoring.checks[0] (nightly): heartbeat without a token", validate.Output, StringComparison.Ordinal);
        Assert.Contains("pings by its name are refused (404)", validate.Output, StringComparison.Ordinal);
        var json = await project.JagaAsync("--json", "validate");
        Assert.Contains("heartbeat without a token", JsonDocument.Parse(json.Output).RootElement.GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var url = await project.JagaAsync("ping", "nightly", "--show-url");
        Assert.True(url.ExitCode == 2, url.Output);
        Assert.Contains("add a random token", url.Output, StringComparison.Ordinal);

        using var daemon = await project.StartAsync();
        Assert.Equal(404, await project.StatusAsync("/ping/nightly"));
        Assert.Equal(404, await project.StatusAsync("/ping/nightly/fail"));
        Assert.Empty(project.Pings("nightly"));
        Assert.Contains("warning: ", daemon.Output, StringComparison.Ordinal);
        Assert.Contains("(nightly): heartbeat without a token", daemon.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_url_prints_the_url_that_pings_and_ping_json_says_what_the_ping_changed()
    {
        WriteReachablePlan(Body($"{{ every: 1h, token: {Token} }}"));
        using var daemon = await project.StartAsync();

        var shown = await project.JagaAsync("ping", "nightly", "--show-url");
        Assert.True(shown.ExitCode == 0, shown.Output);
        var url = shown.Output.Trim();
        Assert.Matches($"^http://[^/]+:{project.Port}/ping/{Token}$", url);
        // Every interface is bound, so the URL names this machine: asked on loopback here, as the host's name may not resolve.
        using (var ok = await project.Http.GetAsync($"{project.Url}{new Uri(url).AbsolutePath}"))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var asJson = await project.JagaAsync("--json", "ping", "nightly", "--show-url");
        Assert.Equal(url, JsonDocument.Parse(asJson.Output).RootElement.GetProperty("url").GetString());

        var first = JsonDocument.Parse((await project.JagaAsync("--json", "ping", "nightly", "--fail")).Output).RootElement;
        Assert.Equal(("nightly", "fail", "up", "failed", true),
            (first.GetProperty("check").GetString(), first.GetProperty("ping").GetString(), first.GetProperty("was").GetString(),
             first.GetProperty("state").GetString(), first.GetProperty("logged").GetBoolean()));
        var again = JsonDocument.Parse((await project.JagaAsync("--json", "ping", "nightly", "--fail")).Output).RootElement;
        Assert.False(again.GetProperty("logged").GetBoolean());
        var text = await project.JagaAsync("ping", "nightly", "--fail");
        Assert.Contains("Heartbeat nightly: fail (cli", text.Output, StringComparison.Ordinal);
        Assert.Contains("still failed, stored without a log line", text.Output, StringComparison.Ordinal);
        // The token is printed by --show-url alone.
        Assert.DoesNotContain(Token, first.ToString() + again + text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(project.LogLines(), l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_heartbeat_jaga_init_writes_has_a_random_token_that_validates_without_warning_and_pings()
    {
        File.Delete(project.PlanPath);
        var init = await project.JagaAsync("init");
        Assert.True(init.ExitCode == 0, init.Output);
        var written = File.ReadAllText(project.PlanPath);
        var token = System.Text.RegularExpressions.Regex.Match(written, @"token: ([a-z2-7]{26}) \}").Groups[1].Value;
        Assert.Equal(26, token.Length);
        // Uncommented as its comment says, on this test's port, and reachable from other machines: the token is what protects it
        // (and /metrics asks for one, else validate warns that it shows every name).
        var plan = written.Replace("  # checks:", "  checks:", StringComparison.Ordinal)
            .Replace("  #   - name: nightly-job", "    - name: nightly-job", StringComparison.Ordinal)
            .Replace("  #     heartbeat:", "      heartbeat:", StringComparison.Ordinal)
            + $"listen: 0.0.0.0:{project.Port}\ndashboard: {{ metrics: token }}\n";
        File.WriteAllText(project.PlanPath, plan);
        var validate = await project.JagaAsync("validate");
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.DoesNotContain("warning", validate.Output, StringComparison.Ordinal);

        using var daemon = await project.StartAsync();
        Assert.Equal(404, await project.StatusAsync("/ping/nightly-job"));
        Assert.Equal((200, "OK"), await project.GetAsync($"/ping/{token}/start"));
        Assert.Equal(["start"], project.Pings("nightly-job").Select(p => p.Kind));
    }
}
