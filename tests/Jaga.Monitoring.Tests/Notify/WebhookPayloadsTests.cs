using Jaga.Core.Plan;
using System.Text.Json;
using Jaga.Core.Monitoring;

namespace Jaga.Monitoring.Tests.Notify;

public sealed class WebhookPayloadsTests
{
    [Fact]
    public void The_generic_json_has_every_field_with_times_in_utc()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Json(Alerts.Down("api"), "the text"));
        var root = doc.RootElement;

        Assert.Equal(["project", "check", "kind", "reason", "at", "down_since", "runbook", "text"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("down", root.GetProperty("kind").GetString());
        Assert.Equal("[STATUS] == 200 failed: 503", root.GetProperty("reason").GetString());
        Assert.Equal("2025-11-15T10:05:00Z", root.GetProperty("at").GetString());
        Assert.Equal("2025-11-15T10:00:00Z", root.GetProperty("down_since").GetString());
        Assert.Equal("restart-api", root.GetProperty("runbook").GetString());
    }

    [Fact]
    public void Without_a_runbook_the_json_says_null()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Json(Alerts.Down("api") with { Runbook = null }, "t"));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("runbook").ValueKind);
    }

    [Fact]
    public void Slack_gets_text_with_its_control_characters_escaped()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Slack("body <b> & co"));

        Assert.Equal("body &lt;b&gt; &amp; co", doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Discord_gets_content_of_at_most_2000_characters_and_no_mentions()
    {
        var text = "@everyone " + new string('x', 2500);
        using var doc = JsonDocument.Parse(WebhookPayloads.Discord(text));
        var content = doc.RootElement.GetProperty("content").GetString()!;

        Assert.Equal(WebhookPayloads.DiscordLimit, content.Length);
        Assert.EndsWith("…", content, StringComparison.Ordinal);
        Assert.Equal(0, doc.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public void Telegram_gets_chat_id_and_text_of_at_most_4096_characters()
    {
        using var doc = JsonDocument.Parse(WebhookPayloads.Telegram("-100123", new string('y', 5000)));

        Assert.Equal("-100123", doc.RootElement.GetProperty("chat_id").GetString());
        Assert.Equal(WebhookPayloads.TelegramLimit, doc.RootElement.GetProperty("text").GetString()!.Length);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 8) + "😀😀";

        var cut = WebhookPayloads.Cut(text, 10);

        Assert.Equal(new string('a', 8) + "…", cut);
    }

    [Fact]
    public void Telegram_without_a_chat_id_and_an_unknown_format_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WebhookPayloads.For(WebhookFormat.Telegram, Alerts.Down("api"), "t", null));
        Assert.Throws<System.Runtime.CompilerServices.SwitchExpressionException>(() => WebhookPayloads.For((WebhookFormat)99, Alerts.Down("api"), "t", null));
    }
}
