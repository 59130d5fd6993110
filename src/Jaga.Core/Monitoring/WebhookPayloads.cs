using Jaga.Core.Plan;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jaga.Core.Monitoring;

/// <summary>The JSON bodies a webhook channel posts, one per <c>format</c>: Jaga's own (every field, for scripts and
/// alert managers), a Slack incoming webhook's, a Discord webhook's and a Telegram Bot API <c>sendMessage</c> call's.</summary>
public static class WebhookPayloads
{
    /// <summary>Discord rejects <c>content</c> longer than this.</summary>
    public const int DiscordLimit = 2000;

    /// <summary>Telegram rejects <c>text</c> longer than this.</summary>
    public const int TelegramLimit = 4096;

    /// <summary>The body for a channel's format.</summary>
    /// <param name="format">The channel's payload shape.</param>
    /// <param name="alert">The alert.</param>
    /// <param name="text">The alert's full text (<see cref="AlertText.Full"/>).</param>
    /// <param name="chatId">The Telegram chat (format telegram only).</param>
    /// <exception cref="ArgumentException">Telegram without a chat id.</exception>
    public static string For(WebhookFormat format, AlertMessage alert, string text, string? chatId) => format switch
    {
        WebhookFormat.Json => Json(alert, text),
        WebhookFormat.Slack => Slack(text),
        WebhookFormat.Discord => Discord(text),
        WebhookFormat.Telegram => Telegram(chatId ?? throw new ArgumentException("format telegram needs chat_id", nameof(chatId)), text),
    };

    /// <summary><c>{project, check, kind, reason, at, down_since, runbook, text}</c>; times in ISO 8601 UTC.</summary>
    public static string Json(AlertMessage alert, string text)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Write(w =>
        {
            w.WriteString("project", alert.Project);
            w.WriteString("check", alert.Check);
            w.WriteString("kind", AlertText.Code(alert.Kind));
            w.WriteString("reason", alert.Reason);
            w.WriteString("at", Iso(alert.At));
            w.WriteString("down_since", Iso(alert.DownSince));
            if (alert.Runbook is null) w.WriteNull("runbook");
            else w.WriteString("runbook", alert.Runbook);
            w.WriteString("text", text);
        });
    }

    /// <summary>A Slack incoming webhook's <c>{"text": …}</c>. Slack reads <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>
    /// as markup, so they are escaped as its docs ask: a reason quoting HTML stays text.</summary>
    public static string Slack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return Write(w => w.WriteString("text", escaped));
    }

    /// <summary>A Discord webhook's <c>{"content": …}</c>, cut to 2,000 characters; mentions are switched off so a
    /// reason that contains <c>@everyone</c> pings no one.</summary>
    public static string Discord(string text) => Write(w =>
    {
        w.WriteString("content", Cut(text, DiscordLimit));
        w.WriteStartObject("allowed_mentions");
        w.WriteStartArray("parse");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A Telegram Bot API <c>sendMessage</c> body <c>{"chat_id", "text"}</c>, plain text, cut to 4,096 characters.
    /// The channel's webhook is <c>https://api.telegram.org/bot&lt;token&gt;/sendMessage</c>.</summary>
    public static string Telegram(string chatId, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return Write(w =>
        {
            w.WriteString("chat_id", chatId);
            w.WriteString("text", Cut(text, TelegramLimit));
        });
    }

    /// <summary>At most <paramref name="limit"/> characters, ending in an ellipsis when cut, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= limit) return text;
        var end = limit - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--;
        return string.Concat(text.AsSpan(0, end), "…");
    }

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
