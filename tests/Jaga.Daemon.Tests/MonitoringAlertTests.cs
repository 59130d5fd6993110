using System.Text.Json;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>The monitoring pillar end to end, as users run it: <c>jaga run</c> as a real process watches a real HTTP
/// endpoint; when it fails, exactly one alert with the reason goes out by webhook (a real HTTP receiver) and by e-mail
/// (a real SMTP server, smtp4dev, read through its API), then reminders while it stays down, then one recovery.</summary>
public sealed class MonitoringAlertTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task A_failing_check_sends_one_alert_by_webhook_and_email_with_the_reason_then_a_reminder_then_one_recovery()
    {
        await using var web = await LoopbackHttp.StartAsync();
        await using var smtp = await Smtp4devServer.StartAsync();
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: shop
                  http: {{web.Url}}/health
                  every: 1s
                  timeout: 2s
                  expect: ["[STATUS] == 200", "[BODY].status == UP"]
                  alert: { after: 2, remind_every: 4s, notify: [oncall] }
            notify:
              oncall: { webhook: "{{web.Url}}/hook", email: ops@example.com, smtp: "smtp://127.0.0.1:{{smtp.SmtpPort}}", tls: none, from: jaga@example.com }
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Check shop is up:", StringComparison.Ordinal)), Wait, () => daemon.Output);

        web.HealthStatus = 503;
        await Poll.UntilAsync(() => Kinds(web).Contains("reminder"), Wait, () => daemon.Output);
        web.HealthStatus = 200;
        await Poll.UntilAsync(() => Kinds(web).Contains("recovery"), Wait, () => daemon.Output);
        var recovered = await smtp.WaitForAsync("RECOVERED", Wait);
        var mails = await smtp.MessagesAsync();

        var hooks = web.Hooks.Select(h => JsonDocument.Parse(h).RootElement).ToList();
        Assert.Equal("down", hooks[0].GetProperty("kind").GetString());
        Assert.Single(hooks, h => h.GetProperty("kind").GetString() == "down");
        Assert.Single(hooks, h => h.GetProperty("kind").GetString() == "recovery");
        Assert.Equal("recovery", hooks[^1].GetProperty("kind").GetString());
        var reason = hooks[0].GetProperty("reason").GetString()!;
        Assert.Contains("[STATUS] == 200 failed: [STATUS] was 503", reason, StringComparison.Ordinal);
        Assert.Contains("[BODY].status == UP failed: [BODY].status was DOWN", reason, StringComparison.Ordinal);
        Assert.Equal("shop", hooks[0].GetProperty("check").GetString());

        var down = Assert.Single(mails, m => m.Subject.EndsWith("shop is DOWN", StringComparison.Ordinal));
        Assert.Contains("[STATUS] == 200 failed: [STATUS] was 503", await smtp.PlainTextAsync(down.Id), StringComparison.Ordinal);
        Assert.Contains(mails, m => m.Subject.Contains("shop is still DOWN", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.Contains("shop RECOVERED", StringComparison.Ordinal));
        Assert.Equal(["ops@example.com"], recovered.To);

        var log = project.LogLines();
        Assert.Single(log, l => l.Contains("[ERROR] Check shop is DOWN: ", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("[INFO] Check shop is up again after ", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("Alert (down) for shop sent to oncall by webhook", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("Alert (down) for shop sent to oncall by email", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("Alert (reminder) for shop sent to oncall by email", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("Alert (recovery) for shop sent to oncall by webhook", StringComparison.Ordinal));
        Assert.False(daemon.HasExited, daemon.Output);

        await daemon.TerminateAsync();
        var verify = await project.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    private static List<string?> Kinds(LoopbackHttp web) =>
        [.. web.Hooks.Select(h => JsonDocument.Parse(h).RootElement.GetProperty("kind").GetString())];

    [Fact]
    public async Task A_channel_that_hangs_for_a_minute_changes_no_check_timing()
    {
        await using var web = await LoopbackHttp.StartAsync();
        web.HealthStatus = 503;
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: shop
                  http: {{web.Url}}/health
                  every: 1s
                  timeout: 2s
                  alert: { after: 1, remind_every: 1s, notify: [slow] }
            notify:
              slow: { webhook: "{{web.Url}}/hang" }
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => web.Hung > 0, Wait, () => daemon.Output);
        var hungAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await Task.Delay(TimeSpan.FromSeconds(8));

        // While the only channel hangs (its first delivery is still waiting for an answer), the check keeps its
        // one-second rhythm: every result after the hang began is about a second after the one before.
        var times = project.CheckResultTimes("shop").Where(t => t > hungAt).ToList();
        Assert.True(times.Count >= 6, $"{times.Count} results in 8 s: " + string.Join(", ", times.Select(DaemonProject.Ms)));
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.All(g => g is > 500 and < 1600), "gaps (ms): " + string.Join(", ", gaps));
        Assert.Equal(1, web.Hung);
        Assert.Single(project.LogLines(), l => l.Contains("[ERROR] Check shop is DOWN", StringComparison.Ordinal));
        Assert.False(daemon.HasExited, daemon.Output);
    }
}
