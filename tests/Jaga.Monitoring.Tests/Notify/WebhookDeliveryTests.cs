using System.Diagnostics;
using System.Text.Json;
using Jaga.Core.Ledger;

namespace Jaga.Monitoring.Tests.Notify;

public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("json", "text")]
    [InlineData("slack", "text")]
    [InlineData("discord", "content")]
    [InlineData("telegram", "text")]
    public async Task A_down_alert_arrives_by_webhook_in_each_format(string format, string textField)
    {
        await using var sink = await HttpSink.StartAsync();
        var chat = format == "telegram" ? ", chat_id: \"-100777\"" : "";
        await using var ws = await NotifyWorkspace.CreateAsync($"  hook: {{ webhook: \"{sink.Url}/bot123456:SECRETTOKEN/sendMessage\", format: {format}{chat} }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("api", "hook"));
        var line = (await ws.WaitForLinesAsync("[INFO]", 1, Wait)).Single();

        var (path, body) = Assert.Single(sink.Delivered);
        Assert.Equal("/bot123456:SECRETTOKEN/sendMessage", path);
        using var doc = JsonDocument.Parse(body);
        Assert.Contains("[STATUS] == 200 failed: 503", doc.RootElement.GetProperty(textField).GetString(), StringComparison.Ordinal);
        if (format == "telegram") Assert.Equal("-100777", doc.RootElement.GetProperty("chat_id").GetString());
        Assert.Contains("Alert (down) for api sent to hook by webhook after 1 attempt(s)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_failing_twice_then_succeeding_delivers_once_and_logs_the_attempts()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.FailNext(2);
        await using var ws = await NotifyWorkspace.CreateAsync($"  hook: {{ webhook: \"{sink.Url}/hook\" }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("api", "hook"));
        var line = (await ws.WaitForLinesAsync("Alert (down)", 1, Wait)).Single();
        await ws.Dispatcher.StopAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, sink.Attempts);
        Assert.Single(sink.Delivered);
        Assert.Contains("[INFO]", line, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", line, StringComparison.Ordinal);
        var entry = Assert.Single(await ws.AuditAsync("notify."));
        Assert.Equal("notify.sent", entry.Kind);
        Assert.Equal("3", entry.Data["attempts"]);
    }

    [Fact]
    public async Task A_permanently_failing_channel_gives_one_error_line_and_one_audit_entry_without_its_token()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.FailNext(100);
        await using var ws = await NotifyWorkspace.CreateAsync($"  hook: {{ webhook: \"{sink.Url}/services/T000/B000/XXXXSECRETXXXX\", format: slack }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("api", "hook"));
        await ws.WaitForLinesAsync("FAILED", 1, Wait);
        await ws.Dispatcher.StopAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, sink.Attempts);
        var line = Assert.Single(ws.LogLines(), l => l.Contains("Alert", StringComparison.Ordinal));
        Assert.Contains("[ERROR]", line, StringComparison.Ordinal);
        Assert.Contains("FAILED after 3 attempt(s)", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", line, StringComparison.Ordinal);
        var entry = Assert.Single(await ws.AuditAsync("notify."));
        Assert.Equal((Severity.Error, "notify.failed"), (entry.Level, entry.Kind));
        Assert.Contains("HTTP 503", entry.Data["error"], StringComparison.Ordinal);
        foreach (var text in new[] { line, entry.Message, string.Join(" ", entry.Data.Values) })
            Assert.DoesNotContain("XXXXSECRETXXXX", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_other_than_429_is_not_retried()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.FailStatus = 404;
        sink.FailNext(100);
        await using var ws = await NotifyWorkspace.CreateAsync($"  hook: {{ webhook: \"{sink.Url}/hook\" }}\n");

        ws.Dispatcher.Enqueue(Alerts.Down("api", "hook"));
        var line = (await ws.WaitForLinesAsync("FAILED", 1, Wait)).Single();

        Assert.Equal(1, sink.Attempts);
        Assert.Contains("after 1 attempt(s)", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_webhook_delays_neither_enqueue_nor_another_channel()
    {
        await using var hanging = await HttpSink.StartAsync();
        hanging.Hang = TimeSpan.FromMinutes(1);
        await using var fine = await HttpSink.StartAsync();
        var policy = NotifyWorkspace.FastPolicy with { AttemptTimeout = TimeSpan.FromMinutes(2) };
        await using var ws = await NotifyWorkspace.CreateAsync(
            $"  stuck: {{ webhook: \"{hanging.Url}/hook\" }}\n  chat: {{ webhook: \"{fine.Url}/hook\" }}\n", policy);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) ws.Dispatcher.Enqueue(Alerts.Down($"check{i}", "stuck", "chat"));
        var enqueueTime = clock.Elapsed;
        await ws.WaitForLinesAsync("sent to chat", 5, Wait);
        var deliveredTime = clock.Elapsed;

        Assert.True(enqueueTime < TimeSpan.FromMilliseconds(100), $"5 enqueues took {enqueueTime.TotalMilliseconds:0} ms");
        Assert.True(deliveredTime < TimeSpan.FromSeconds(5), $"the other channel took {deliveredTime.TotalSeconds:0.0} s");
        Assert.Equal(5, fine.Delivered.Count);
        Assert.Empty(hanging.Delivered);
        Assert.Equal(1, hanging.Attempts);

        // Shutdown gives up on the hung channel at its deadline: each of its alerts is one failed entry.
        clock.Restart();
        await ws.Dispatcher.StopAsync(TimeSpan.FromMilliseconds(500));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stop took {clock.Elapsed.TotalSeconds:0.0} s");
        var failed = ws.LogLines().Where(l => l.Contains("to stuck by webhook FAILED", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, l => Assert.Contains("interrupted by shutdown", l, StringComparison.Ordinal));
    }
}
