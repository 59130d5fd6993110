using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Emergency;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>What the <c>jaga incident</c> commands share: the incident number argument, <c>--by</c>, the checks of what the
/// user typed, an incident found or refused with exit 2, and the JSON and time shapes.</summary>
internal static class IncidentInput
{
    /// <summary>The longest title, key or name taken from the command line; a note may be longer.</summary>
    public const int MaxName = 200;

    public const int MaxNote = 2000;

    public static Argument<long> Id() => new("ID") { Description = "The incident's number (jaga incident list shows them)" };

    public static Option<string?> By() => new("--by") { Description = "Who (default: user@host)" };

    /// <summary>The incident of <paramref name="id"/>, or a user error naming the number and where to find the right one.</summary>
    public static async Task<Incident> FindAsync(IIncidents incidents, long id, Catalog words, CancellationToken ct) =>
        await incidents.GetAsync(id, ct) ?? throw new UserError(words.Format("cli.incident.unknown", id), words["cli.incident.unknown.hint"]);

    /// <summary>A value typed on the command line: null stays null (not given), blank or too long is a user error.</summary>
    public static string? Text(string? value, string option, int max, Catalog words)
    {
        if (value is null) return null;
        if (string.IsNullOrWhiteSpace(value)) throw new UserError(words.Format("cli.incident.blank", option));
        var trimmed = value.Trim();
        if (trimmed.Length > max) throw new UserError(words.Format("cli.incident.too.long", option, max, trimmed.Length));
        return trimmed;
    }

    /// <summary>Who acts: <c>--by</c>, else the user at this host, as every other command records.</summary>
    public static string Who(string? by, Catalog words) => Text(by, "--by", MaxName, words) ?? CliContext.Actor;

    public static string Local(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    public static string Span(TimeSpan? span) => Postmortem.Span(span) ?? "-";

    public static JsonObject Json(Incident i) => new()
    {
        ["id"] = i.Id,
        ["key"] = i.Key,
        ["title"] = i.Title,
        ["source"] = i.Source,
        ["node"] = i.Node,
        ["open"] = i.Open,
        ["opened"] = Iso(i.OpenedAt),
        ["acknowledged"] = Iso(i.AcknowledgedAt),
        ["acknowledged_by"] = i.AcknowledgedBy,
        ["closed"] = Iso(i.ClosedAt),
        ["closed_by"] = i.ClosedBy,
        ["close_note"] = i.CloseNote,
        ["time_to_acknowledge_s"] = Seconds(i.TimeToAcknowledge),
        ["time_to_recover_s"] = Seconds(i.TimeToRecover),
    };

    public static string? Iso(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    public static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;
}
