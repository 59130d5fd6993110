using System.Text;

namespace Jaga.Core.Emergency;

/// <summary>Writes <see cref="DocBlock"/>s as Markdown (to print or share) or as plain text (for a terminal).</summary>
public static class DocumentWriter
{
    /// <summary>Markdown; <paramref name="headingShift"/> deepens every heading (a runbook inside the plan's document is a
    /// level-3 section, not a title).</summary>
    public static string Markdown(IEnumerable<DocBlock> blocks, int headingShift = 0)
    {
        var md = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    Gap(md);
                    md.Append('#', h.Level + headingShift).Append(' ').AppendLine(h.Text).AppendLine();
                    break;
                case DocParagraph p:
                    Gap(md);
                    md.AppendLine(p.Text).AppendLine();
                    break;
                case DocTable t:
                    Gap(md);
                    md.Append("| ").Append(string.Join(" | ", t.Header)).AppendLine(" |");
                    md.Append('|').Append(string.Concat(t.Header.Select(_ => " --- |"))).AppendLine();
                    foreach (var row in t.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
                    md.AppendLine();
                    break;
                case DocStep s:
                    md.Append(s.Number).Append(". ").AppendLine(s.Text);
                    if (s.Commands.Count > 0)
                    {
                        md.AppendLine().AppendLine("   ```sh");
                        foreach (var line in s.Commands) md.Append("   ").AppendLine(line);
                        md.AppendLine("   ```").AppendLine();
                    }
                    break;
            }
        }
        return Tidy(md.ToString());
    }

    /// <summary>Plain text: headings underlined, tables in aligned columns, commands indented by four spaces.</summary>
    public static string Text(IEnumerable<DocBlock> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    var title = Plain(h.Text);
                    text.AppendLine(title).AppendLine(new string(h.Level == 1 ? '=' : '-', title.Length)).AppendLine();
                    break;
                case DocParagraph p:
                    text.AppendLine(Plain(p.Text)).AppendLine();
                    break;
                case DocTable t:
                    var rows = new[] { t.Header }.Concat(t.Rows).Select(r => r.Select(Plain).ToList()).ToList();
                    var widths = Enumerable.Range(0, t.Header.Count).Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0)).ToList();
                    foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((c, i) => i == row.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
                    text.AppendLine();
                    break;
                case DocStep s:
                    text.Append(s.Number).Append(". ").AppendLine(Plain(s.Text));
                    if (s.Commands.Count > 0)
                    {
                        text.AppendLine();
                        foreach (var line in s.Commands) text.Append("       ").AppendLine(line);
                    }
                    text.AppendLine();
                    break;
            }
        }
        return Tidy(text.ToString());
    }

    /// <summary>A blank line before a block that follows a list, as Markdown needs.</summary>
    private static void Gap(StringBuilder md)
    {
        if (md.Length > 0 && !md.ToString().EndsWith("\n\n", StringComparison.Ordinal)) md.AppendLine();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>Markdown's marks dropped: what a terminal shows as they are.</summary>
    private static string Plain(string s) => s.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);

    private static string Tidy(string s)
    {
        // Numbered steps sit together; one blank line between blocks; one newline at the end.
        while (s.Contains("\n\n\n", StringComparison.Ordinal)) s = s.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        return s.TrimEnd() + "\n";
    }
}
