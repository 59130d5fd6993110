using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary><c>jaga deps audit --format md</c>: the report as Markdown for a pull request, a wiki or an e-mail, in the
/// plan's language.</summary>
public static class AuditMarkdown
{
    public static string Of(AuditReport report, Catalog words, UpdatePolicy policy, IReadOnlyList<string> header, IReadOnlyList<string> gaps)
    {
        var md = new StringBuilder();
        foreach (var line in header) md.Append("- ").AppendLine(Cell(line));
        foreach (var gap in gaps) md.Append("- **").Append(Cell(gap)).AppendLine("**");
        md.AppendLine();
        md.Append("| ").AppendJoin(" | ", words.Columns("cli.deps.columns")).AppendLine(" |");
        md.Append('|').AppendJoin("", words.Columns("cli.deps.columns").Select(_ => " --- |")).AppendLine();
        foreach (var row in AuditTable.Rows(report, words, policy)) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        md.AppendLine();
        foreach (var line in UnusedSection.Lines(report, words))
        {
            // The section's titles as paragraphs, each dependency as a list item under its title.
            md.AppendLine(line.StartsWith(' ') ? "- " + Cell(line.Trim()) : "\n**" + Cell(line) + "**\n");
        }
        md.AppendLine();
        md.AppendLine(AuditTable.Summary(report, words));
        md.AppendLine();
        md.AppendLine(AuditTable.Verdict(report, words));
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
