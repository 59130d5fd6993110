using Jaga.Engine.Notify;

namespace Jaga.Monitoring.Tests.Notify;

public sealed class NotifyPolicyTests
{
    [Fact]
    public void The_default_tries_five_times_over_about_ten_minutes()
    {
        var policy = NotifyPolicy.Default;
        var pauses = Enumerable.Range(1, policy.Attempts - 1).Select(policy.DelayAfter).ToList();

        Assert.Equal([40, 80, 160, 320], pauses.Select(p => p.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(10), pauses.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Fact]
    public void Pauses_stop_growing_at_the_maximum()
    {
        var policy = NotifyPolicy.Default with { MaxDelay = TimeSpan.FromSeconds(100) };

        Assert.Equal(TimeSpan.FromSeconds(100), policy.DelayAfter(3));
        Assert.Equal(TimeSpan.FromSeconds(100), policy.DelayAfter(60));
    }

    [Fact]
    public void Scrubbing_removes_a_webhooks_token_from_what_a_server_said()
    {
        var url = new Uri("https://api.telegram.org/bot123456:AAH-secret-token/sendMessage");

        var shown = WebhookSender.Scrub("Not Found: /bot123456:AAH-secret-token/sendMessage and " + url.OriginalString, url);

        Assert.DoesNotContain("AAH-secret-token", shown, StringComparison.Ordinal);
    }
}
