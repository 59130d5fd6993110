using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;

namespace Jaga.Core.Emergency;

/// <summary>The postmortem skeleton of an incident (<c>jaga incident show ID --format md</c>): what Jaga knows filled in (the
/// summary, the timeline, the times to acknowledge and to recover), and the headings people fill in after (impact, root
/// cause, what went well, what to improve, action items).</summary>
public static class Postmortem
{
    /// <summary>The document in the language of <paramref name="words"/>, times in <paramref name="zone"/>.</summary>
    public static string Markdown(Incident incident, IReadOnlyList<IncidentEvent> timeline, Catalog words, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(words);
        var md = new StringBuilder();
        md.Append("# ").Append(words.Format("doc.postmortem.title", incident.Id, Cell(incident.Title))).Append("\n\n");

        Heading(md, words["doc.postmortem.summary"]);
        Fact(md, words["doc.postmortem.key"], $"`{incident.Key}`");
        Fact(md, words["doc.postmortem.opened"], words.Format("doc.postmortem.by", ZoneTime.Format(incident.OpenedAt, zone), incident.Source));
        Fact(md, words["doc.postmortem.acknowledged"], incident.AcknowledgedAt is { } ack
            ? words.Format("doc.postmortem.by", ZoneTime.Format(ack, zone), incident.AcknowledgedBy) : words["doc.postmortem.not.yet"]);
        Fact(md, words["doc.postmortem.closed"], incident.ClosedAt is { } closed
            ? words.Format("doc.postmortem.by", ZoneTime.Format(closed, zone), incident.ClosedBy) : words["doc.postmortem.not.yet"]);
        Fact(md, words["doc.postmortem.tta"], Span(incident.TimeToAcknowledge) ?? words["doc.postmortem.not.yet"]);
        Fact(md, words["doc.postmortem.ttr"], Span(incident.TimeToRecover) ?? words["doc.postmortem.not.yet"]);
        if (incident.CloseNote is { Length: > 0 } note) Fact(md, words["doc.postmortem.note"], Cell(note));
        md.Append('\n');

        Heading(md, words["doc.postmortem.impact"]);
        md.Append(words["doc.postmortem.impact.hint"]).Append("\n\n");

        Heading(md, words["doc.postmortem.timeline"]);
        Table(md, words.Columns("doc.postmortem.timeline.columns"), timeline.Select(e => new[]
        {
            ZoneTime.Format(e.At, zone), Kind(e.Kind, words), Cell(e.Text), e.Node ?? "-",
        }));
        md.Append('\n');

        foreach (var key in new[] { "doc.postmortem.root.cause", "doc.postmortem.went.well", "doc.postmortem.improve" })
        {
            Heading(md, words[key]);
            md.Append(words["doc.postmortem.fill"]).Append("\n\n");
        }
        Heading(md, words["doc.postmortem.actions"]);
        var columns = words.Columns("doc.postmortem.actions.columns");
        Table(md, columns, [columns.Select(_ => " ").ToArray()]);
        return md.ToString();
    }

    /// <summary>A timeline line's kind as the reader's language says it.</summary>
    public static string Kind(IncidentEventKind kind, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Word("incident", kind);
    }

    /// <summary>A time to acknowledge or recover as people say it (4m, 1h5m), or null when it is not known yet.</summary>
    public static string? Span(TimeSpan? span) => span is { } s ? AlertText.Duration(s) : null;

    private static void Heading(StringBuilder md, string text) => md.Append("## ").Append(text).Append("\n\n");

    private static void Fact(StringBuilder md, string name, string value) => md.Append("- **").Append(name).Append(":** ").Append(value).Append('\n');

    private static void Table(StringBuilder md, string[] headers, IEnumerable<string[]> rows)
    {
        md.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        md.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows) md.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
    }

    /// <summary>Text made safe for one table cell or line: no line breaks, and a pipe does not end the cell.</summary>
    private static string Cell(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Trim();
}
