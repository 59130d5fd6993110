using System.Text;

namespace Jaga.Core.Monitoring;

/// <summary>The output of a Nagios plugin, split per the Nagios plugin guidelines: the first line's text, the long text
/// of the lines after it, and the performance data that follows a <c>|</c> on any line (after the second <c>|</c>,
/// every further line is performance data).</summary>
/// <param name="Text">The first line, without its performance data.</param>
/// <param name="LongText">The other lines of text, joined by newlines; empty when there are none.</param>
/// <param name="Performance">Every well-formed performance datum, in order; malformed ones are skipped.</param>
public sealed record NagiosOutput(string Text, string LongText, IReadOnlyList<PerformanceDatum> Performance)
{
    /// <summary>The performance data as label → value (the number as the plugin wrote it, without its unit).</summary>
    public IReadOnlyDictionary<string, string> Values
    {
        get
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var d in Performance) values[d.Label] = d.Value;
            return values;
        }
    }

    public static NagiosOutput Parse(string output)
    {
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var perf = new StringBuilder();
        var (text, firstPerf) = SplitAtBar(lines[0]);
        perf.Append(firstPerf).Append(' ');
        var longText = new List<string>();
        var inPerf = false;
        foreach (var line in lines.Skip(1))
        {
            if (inPerf)
            {
                perf.Append(line).Append(' ');
                continue;
            }
            var (before, after) = SplitAtBar(line);
            longText.Add(before);
            if (after is null) continue;
            perf.Append(after).Append(' ');
            inPerf = true;
        }
        while (longText.Count > 0 && longText[^1].Length == 0) longText.RemoveAt(longText.Count - 1);
        return new NagiosOutput(text.Trim(), string.Join('\n', longText).TrimEnd(), ParsePerformance(perf.ToString()));
    }

    /// <summary>Parses performance data: <c>'label'=value[UOM];[warn];[crit];[min];[max]</c>, space-separated; a label in
    /// single quotes may hold spaces and <c>''</c> for a quote.</summary>
    public static IReadOnlyList<PerformanceDatum> ParsePerformance(string text)
    {
        var data = new List<PerformanceDatum>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var label = new StringBuilder();
            if (text[i] == '\'')
            {
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { label.Append('\''); i += 2; }
                    else if (text[i] == '\'') { i++; break; }
                    else label.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i])) label.Append(text[i++]);
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var rest = text[start..i];
            if (rest.Length < 2 || rest[0] != '=' || label.Length == 0) continue;
            if (PerformanceDatum.TryParse(label.ToString(), rest[1..], out var datum)) data.Add(datum!);
        }
        return data;
    }

    private static (string Before, string? After) SplitAtBar(string line)
    {
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (line, null) : (line[..bar].TrimEnd(), line[(bar + 1)..]);
    }
}
