using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Monitoring;

/// <summary>The words of an alert in the plan's language: a one-line subject (the e-mail subject, the first line of a
/// chat message) and a body naming the reason, the time, how long the check has been down and the runbook.</summary>
public static class AlertText
{
    public static string Subject(AlertMessage alert, Catalog messages)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(messages);
        return alert.Kind switch
        {
            AlertKind.Down => messages.Format("alert.subject.down", alert.Project, alert.Check),
            AlertKind.Reminder => messages.Format("alert.subject.reminder", alert.Project, alert.Check, Duration(DownFor(alert))),
            _ => messages.Format("alert.subject.recovery", alert.Project, alert.Check, Duration(DownFor(alert))),
        };
    }

    /// <summary>The lines under the subject; times are shown in the plan's zone.</summary>
    public static string Body(AlertMessage alert, Catalog messages, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(messages);
        var lines = new List<string>
        {
            messages.Format("alert.line.reason", alert.Reason),
            messages.Format("alert.line.at", Time(alert.At, zone)),
            messages.Format("alert.line.since", Time(alert.DownSince, zone), Duration(DownFor(alert))),
        };
        if (!string.IsNullOrEmpty(alert.Runbook)) lines.Add(messages.Format("alert.line.runbook", alert.Runbook));
        return string.Join('\n', lines);
    }

    /// <summary>Subject and body together: what chats and generic webhooks receive as <c>text</c>.</summary>
    public static string Full(AlertMessage alert, Catalog messages, TimeZoneInfo zone) =>
        Subject(alert, messages) + "\n" + Body(alert, messages, zone);

    /// <summary>The kind as a word of the plan's language, for log lines.</summary>
    public static string KindName(AlertKind kind, Catalog messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages[KindWord(kind).Key];
    }

    /// <summary>The kind as a word of the reader's language inside another message (a log line about a delivery).</summary>
    public static Phrase KindWord(AlertKind kind) => new($"alert.kind.{Code(kind)}");

    /// <summary>The kind as JSON payloads and audit data name it: <c>down</c>, <c>reminder</c>, <c>recovery</c>.</summary>
    public static string Code(AlertKind kind) => kind switch
    {
        AlertKind.Down => "down",
        AlertKind.Reminder => "reminder",
        _ => "recovery",
    };

    /// <summary>How long the outage has lasted at the alert's time (never negative).</summary>
    public static TimeSpan DownFor(AlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var span = alert.At - alert.DownSince;
        return span < TimeSpan.Zero ? TimeSpan.Zero : span;
    }

    /// <summary>A duration to the second, as plans write them (<c>1h5m</c>); under a second reads <c>0s</c>.</summary>
    public static string Duration(TimeSpan span) =>
        span < TimeSpan.FromSeconds(1) ? "0s" : DurationValue.Format(TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds)));

    private static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
