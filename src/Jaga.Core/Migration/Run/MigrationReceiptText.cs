using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Storage;

namespace Jaga.Core.Migration.Run;

/// <summary>A <see cref="MigrationReceipt"/> as the two files written beside the export: Markdown for people (in the
/// plan's language) and JSON for machines (its field names fixed, words in English).</summary>
public static class MigrationReceiptText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(MigrationReceipt r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var json = new JsonObject
        {
            ["format"] = MigrationReceipt.CurrentFormat,
            ["project"] = r.Project,
            ["from"] = r.From,
            ["to"] = r.To,
            ["started_at"] = Time(r.StartedAt),
            ["ended_at"] = Time(r.EndedAt),
            ["by"] = r.By,
            ["folder"] = r.Folder,
            ["outcome"] = r.Succeeded ? "succeeded" : "failed",
            ["failed_step"] = r.FailedAt is { } f ? StoredWord.Text(f) : null,
            ["reason"] = r.Reason,
            ["tables"] = new JsonArray([.. r.Tables.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["source_rows"] = t.SourceRows,
                ["source_content_sha256"] = t.SourceContentSha256,
                ["csv_sha256"] = t.CsvSha256,
                ["target_rows"] = t.TargetRows,
                ["target_content_sha256"] = t.TargetContentSha256,
                ["equal"] = t.Equal,
            })]),
            ["env"] = new JsonObject
            {
                ["file"] = r.EnvFile,
                ["keys"] = new JsonArray([.. r.EnvKeys.Select(k => (JsonNode)new JsonObject
                {
                    ["key"] = k.Key,
                    ["change"] = StoredWord.Text(k.Change),
                    ["value_hmac"] = k.ValueHmac,
                })]),
            },
            ["test"] = r.Test is { } test ? new JsonObject
            {
                ["command"] = test.Command,
                ["passed"] = test.Passed,
                ["exit_code"] = test.ExitCode,
                ["duration_ms"] = (long)test.Duration.TotalMilliseconds,
                ["tail"] = test.Tail,
            } : null,
            ["steps"] = new JsonArray([.. r.Steps.Select((s, i) => (JsonNode)new JsonObject
            {
                ["number"] = i + 1,
                ["step"] = StoredWord.Text(s.Step),
                ["succeeded"] = s.Succeeded,
                ["detail"] = s.Detail,
                ["duration_ms"] = (long)s.Duration.TotalMilliseconds,
            })]),
        };
        return json.ToJsonString(Indented) + "\n";
    }

    public static string Markdown(MigrationReceipt r, Catalog t)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(t.Format("doc.receipt.title", r.Project)).AppendLine();
        md.AppendLine(t.Format("doc.receipt.from", r.From));
        md.AppendLine(t.Format("doc.receipt.to", r.To));
        md.AppendLine(t.Format("doc.receipt.when", Time(r.StartedAt), Time(r.EndedAt), r.By));
        md.AppendLine(t.Format("doc.receipt.folder", r.Folder));
        md.AppendLine(r.FailedAt is { } failed
            ? t.Format("doc.receipt.failed", t["migration.step." + StoredWord.Text(failed)], r.Reason)
            : t["doc.receipt.succeeded"]).AppendLine();

        md.Append("## ").AppendLine(t["doc.receipt.tables"]).AppendLine();
        md.Append("| ").AppendJoin(" | ", t.Columns("doc.receipt.tables.columns")).AppendLine(" |");
        md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", t.Columns("doc.receipt.tables.columns").Length))).AppendLine();
        foreach (var x in r.Tables)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {x.Name} | {x.SourceRows} | {x.TargetRows?.ToString(CultureInfo.InvariantCulture) ?? "—"} | `{x.SourceContentSha256}` | {(x.TargetContentSha256 is { } h ? $"`{h}`" : "—")} | `{x.CsvSha256}` | {(x.TargetRows is null ? "—" : x.Equal ? "✓" : "✗")} |");
        }
        md.AppendLine();

        md.Append("## ").AppendLine(t["doc.receipt.env"]).AppendLine();
        if (r.EnvKeys.Count == 0) md.AppendLine(t["doc.receipt.env.none"]);
        foreach (var k in r.EnvKeys)
            md.AppendLine(t.Format("doc.receipt.env.key", k.Key, r.EnvFile, t["env.change." + StoredWord.Text(k.Change)], k.ValueHmac));
        md.AppendLine();

        md.Append("## ").AppendLine(t["doc.receipt.test"]).AppendLine();
        md.AppendLine(r.Test is { } test
            ? t.Format(test.Passed ? "doc.receipt.test.passed" : "doc.receipt.test.failed", test.Command,
                test.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "—", Seconds(test.Duration))
            : t["doc.receipt.test.none"]);
        md.AppendLine();

        md.Append("## ").AppendLine(t["doc.receipt.steps"]).AppendLine();
        foreach (var (s, i) in r.Steps.Select((s, i) => (s, i + 1)))
        {
            md.AppendLine(t.Format(s.Succeeded ? "doc.receipt.step.done" : "doc.receipt.step.failed", i, t["migration.step." + StoredWord.Text(s.Step)],
                Seconds(s.Duration), s.Detail));
        }
        md.AppendLine().AppendLine(t.Format("doc.receipt.seal", MigrationReceipt.CheckpointFile));
        return md.ToString();
    }

    /// <summary>A duration as the log says it: <c>4.2 s</c>.</summary>
    public static string Seconds(TimeSpan d) => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
