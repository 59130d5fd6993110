using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Readiness;

namespace Jaga.Cli.Commands.Readiness;

/// <summary>The readiness checklist as Markdown (the seed's eight points, the eighth its checklist with [x]/[ ]) and as JSON.</summary>
internal static class ChecklistView
{
    public static string Markdown(ChecklistReport report, string project, Catalog words, TimeZoneInfo zone)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(words.Format("cli.checklist.title", project)).AppendLine();
        var number = 0;
        foreach (var p in report.Points)
        {
            number++;
            var state = words[p.Met ? "cli.checklist.met" : "cli.checklist.unmet"] + (p.Required ? "" : $" ({words["cli.checklist.optional"]})");
            md.Append(CultureInfo.InvariantCulture, $"## {number}. {words["cli.checklist.point." + p.Name]} — {state}").AppendLine().AppendLine();
            foreach (var e in p.Evidence)
                md.Append(CultureInfo.InvariantCulture, $"- [{words["cli.checklist.state." + StateWord(e.State)]}] {e.Text(words)}").AppendLine();
            if (p.NeedsAck)
            {
                md.Append("- ").AppendLine(p.Ack is { } a
                    ? words.Format("cli.checklist.acked", a.By, TimeZoneInfo.ConvertTime(a.At, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), a.Note)
                    : words.Format("cli.checklist.ack.needed", p.Name));
            }
            md.AppendLine();
        }
        md.Append(CultureInfo.InvariantCulture, $"## {number + 1}. {words["cli.checklist.seed.title"]}").AppendLine().AppendLine();
        foreach (var p in report.Points)
            md.Append(CultureInfo.InvariantCulture, $"- [{(p.Met ? "x" : " ")}] {words[ReadinessPoints.SeedLine(p.Point)]}").AppendLine();
        md.AppendLine();
        var unmet = report.Points.Count(p => p.Required && !p.Met);
        md.AppendLine(unmet == 0 ? words["cli.checklist.ready"] : words.Format("cli.checklist.notready", unmet));
        return md.ToString();
    }

    public static JsonObject Json(ChecklistReport report, Catalog words) => new()
    {
        ["ready"] = report.Ready,
        ["points"] = new JsonArray([.. report.Points.Select((p, i) => (JsonNode)new JsonObject
        {
            ["number"] = i + 1,
            ["name"] = p.Name,
            ["title"] = words["cli.checklist.point." + p.Name],
            ["met"] = p.Met,
            ["required"] = p.Required,
            ["needs_ack"] = p.NeedsAck,
            ["ack"] = p.Ack is { } a
                ? new JsonObject { ["by"] = a.By, ["at"] = a.At.ToString("O", CultureInfo.InvariantCulture), ["note"] = a.Note, ["seq"] = a.Seq }
                : null,
            ["evidence"] = new JsonArray([.. p.Evidence.Select(e => (JsonNode)new JsonObject { ["state"] = StateWord(e.State), ["text"] = e.Text(words) })]),
        })]),
        ["checklist"] = new JsonArray([.. report.Points.Select(p => (JsonNode)new JsonObject
        {
            ["item"] = words[ReadinessPoints.SeedLine(p.Point)],
            ["checked"] = p.Met,
        })]),
    };

    private static string StateWord(EvidenceState state) => state switch
    {
        EvidenceState.Ok => "ok",
        EvidenceState.Failed => "failed",
        EvidenceState.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
