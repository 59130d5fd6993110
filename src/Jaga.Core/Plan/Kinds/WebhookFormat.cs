namespace Jaga.Core.Plan;

/// <summary>The payload a webhook channel posts (<c>format:</c>).</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Discord,
    Telegram,
}
