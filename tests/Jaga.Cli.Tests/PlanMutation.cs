using System.Text;

namespace Jaga.Cli.Tests;

/// <summary>One change a hostile tester makes to a plan. <see cref="Kind"/> picks what, <see cref="Where"/> and
/// <see cref="What"/> (any non-negative numbers) pick the line and the variant, so a seed gives the same plan every time.</summary>
public sealed record PlanMutation(int Kind, int Where, int What)
{
    public const int Kinds = 14;

    private static readonly string[] OtherTypes = ["[a, b]", "{ x: 1 }", "\"\"", "~", "true", "- item", "{}", "[]", "|\n  block"];

    private static readonly string[] Numbers =
        ["99999999999999999999999", "-1", "-2147483649", "2147483648", "0", "1e309", "0x7fffffff", "NaN", "-0", "9223372036854775808", "1_000"];

    private static readonly string[] Unicode = ["ñ", "日本語", "😀", "\u200b", "\u202e", "\ufeff", "\u0085", "\u2028", "İ", "ǅ"];

    private static readonly string[] Unbalanced = ["[", "{", "[a, b", "{ a: 1", "]", "}", "\"abc", "'abc", "[{", "{ a: [", "&", "*", "!", "|", ">"];

    private static readonly string[] Brackets = ["[", "]", "{", "}", "\"", "'", "&", "*", "!", "|", ">", "%", "@", "`", "? ", ": ", "- ", "#"];

    public override string ToString() => $"{Kind}/{Where}/{What}";

    /// <summary>Applies the change to the plan's lines (garbage bytes change the encoded text: see <see cref="Encode"/>).</summary>
    public void Apply(List<string> lines)
    {
        if (lines.Count == 0) lines.Add("");
        var i = Where % lines.Count;
        var line = lines[i];
        switch (Kind)
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(i, line);
                break;
            case 2:
                lines[i] = WithValue(line, OtherTypes[What % OtherTypes.Length]);
                break;
            case 3:
                lines[i] = WithValue(line, Numbers[What % Numbers.Length]);
                break;
            case 4:
                lines[i] = line.Insert(What % (line.Length + 1), Unicode[What % Unicode.Length]);
                break;
            case 5:
                var indent = line.Length - line.TrimStart(' ').Length;
                lines[i] = What % 2 == 0 ? "\t" + line.TrimStart(' ') : line.Insert(What % (line.Length + 1), "\t");
                if (indent == 0 && What % 2 == 0) lines[i] = "\t" + line;
                break;
            case 6:
                lines[i] = WithValue(line, new string((char)('a' + What % 26), 1000 + What % 200_000));
                break;
            case 7:
                var depth = 10 + What % 200;
                lines[i] = (What % 3) switch
                {
                    0 => WithValue(line, new string('[', depth) + new string(']', depth)),
                    1 => WithValue(line, new string('{', depth / 2) + "a: 1" + new string('}', depth / 2)),
                    _ => line,
                };
                if (What % 3 == 2)
                    lines.InsertRange(i + 1, Enumerable.Range(1, depth).Select(d => new string(' ', d * 2) + $"k{d}:"));
                break;
            case 8:
                lines[i] = (What % 4) switch
                {
                    0 => WithValue(line, "&a " + Value(line)),
                    1 => WithValue(line, "*a"),
                    2 => WithValue(line, "&a [*a, *a]"),
                    _ => line + " &b",
                };
                if (What % 4 == 1) lines.Insert(0, "x-anchor: &a { p: 1 }");
                break;
            case 9:
                lines[i] = line.Insert(What % (line.Length + 1), Brackets[What % Brackets.Length]);
                break;
            case 10:
                var j = What % lines.Count;
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            case 11:
                lines[i] = line[..(What % (line.Length + 1))];
                lines.RemoveRange(i + 1, lines.Count - i - 1);
                break;
            case 13:
                lines[i] = WithValue(line, Unbalanced[What % Unbalanced.Length]);
                break;
            default:
                break; // 12, garbage bytes: Encode
        }
    }

    /// <summary>The plan's bytes; a garbage-bytes mutation writes raw bytes (invalid UTF-8, NULs, controls) into them.</summary>
    public static byte[] Encode(List<string> lines, IEnumerable<PlanMutation> mutations)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n").ToList();
        foreach (var m in mutations.Where(m => m.Kind == 12))
        {
            var at = m.Where % (bytes.Count + 1);
            var count = 1 + m.What % 8;
            bytes.InsertRange(at, Enumerable.Range(0, count).Select(k => (byte)((m.What * 31 + k * 97) % 256)));
        }
        return [.. bytes];
    }

    private static string Value(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line.Trim() : line[(colon + 2)..];
    }

    private static string WithValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0) return line[..(colon + 2)] + value;
        var dash = line.IndexOf("- ", StringComparison.Ordinal);
        return dash >= 0 ? line[..(dash + 2)] + value : line + value;
    }
}
