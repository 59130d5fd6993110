using Jaga.Core.Messages;
using Jaga.Engine.Secrets;

namespace Jaga.Cli.Commands.Secrets;

/// <summary>The terminal's view of a scan: what was read, what was skipped, the findings (masked) and the verdict.</summary>
internal static class SecretsTable
{
    public static void Write(Output output, SecretsReport report, Catalog w, int skippedShown)
    {
        var scope = w[report.History ? "word.secrets.scope.history" : "word.secrets.scope.tree"];
        output.Line(w.Format("cli.secrets.summary", report.Files, TextSize(report.Bytes), scope, report.Root, report.RuleSource, report.Skipped.Count));
        if (report.History) output.Line(w.Format("cli.secrets.commits", report.Commits));
        else if (report.GitIgnoreUsed) output.Line(w["cli.secrets.gitignore"]);
        foreach (var s in report.Skipped.Take(skippedShown))
            output.Line(w.Format("cli.secrets.skipped", s.Path, w["word.secrets.skip." + SecretsJson.Word(s.Reason)], s.Detail));
        if (report.Skipped.Count > skippedShown) output.Line(w.Format("cli.secrets.skipped.more", report.Skipped.Count - skippedShown));
        output.Line();
        if (report.Clean)
        {
            output.Line(w["cli.secrets.clean"]);
            return;
        }
        var columns = w.Columns("cli.secrets.columns");
        if (!report.History) columns = columns[..^1];
        output.Table(columns, report.Findings.Select(f =>
        {
            string[] row = [f.Path, $"{f.Line}:{f.Column}", f.RuleId, f.Masked];
            return report.History ? [.. row, f.Commit?[..Math.Min(12, f.Commit.Length)] ?? ""] : row;
        }));
        output.Line();
        output.Line(w.Format("cli.secrets.found", report.Findings.Count));
    }

    private static string TextSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KiB";
}
