using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.Secrets;

/// <summary>Compiles a rule's regular expression, written for Go's RE2 (gitleaks' engine), into a .NET
/// <see cref="Regex"/> with the same guarantee RE2 gives: no backtracking, so time linear in the text.</summary>
/// <remarks>What is rewritten: RE2's named group <c>(?P&lt;name&gt;…)</c> becomes .NET's <c>(?&lt;name&gt;…)</c>; the POSIX
/// classes (<c>[[:alnum:]]</c> …) become ranges; <c>\Q…\E</c> becomes escaped text; <c>\x{…}</c> becomes <c>\uXXXX</c>;
/// <c>\d</c>, <c>\w</c>, <c>\s</c> become RE2's ASCII classes (.NET's are Unicode-wide). What is refused, with the rule's
/// place: anything neither engine runs without backtracking (lookarounds, backreferences, atomic groups, conditionals,
/// RE2's <c>(?U)</c>), and anything .NET's parser rejects. What stays different: <c>\b</c> is Unicode-aware in .NET, and
/// <c>$</c> without <c>(?m)</c> also matches before a final line feed.</remarks>
public static class SecretPatterns
{
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>Compiles <paramref name="re2"/>; throws <see cref="FormatException"/> with the reason when .NET cannot.</summary>
    public static Regex Compile(string re2)
    {
        ArgumentNullException.ThrowIfNull(re2);
        var dotnet = Translate(re2);
        try
        {
            return new Regex(dotnet, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException e)
        {
            throw new FormatException($"it needs backtracking, which RE2 has not either ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>The .NET spelling of an RE2 pattern (see the remarks).</summary>
    public static string Translate(string re2)
    {
        ArgumentNullException.ThrowIfNull(re2);
        var sb = new StringBuilder(re2.Length + 16);
        var inClass = false;
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\' && i + 1 < re2.Length)
            {
                var n = re2[i + 1];
                switch (n)
                {
                    case 'Q':
                        var end = re2.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                        var literal = end < 0 ? re2[(i + 2)..] : re2[(i + 2)..end];
                        sb.Append(inClass ? literal.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal) : Regex.Escape(literal));
                        i = end < 0 ? re2.Length : end + 1;
                        continue;
                    case 'x' when i + 2 < re2.Length && re2[i + 2] == '{':
                        var close = re2.IndexOf('}', i + 3);
                        if (close < 0) throw new FormatException("\\x{ is not closed");
                        var code = int.Parse(re2.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (code > 0xFFFF) throw new FormatException($"\\x{{{code:X}}} is beyond what .NET's regular expressions name by code");
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{code:X4}");
                        i = close;
                        continue;
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        i++;
                        continue;
                    case 'w':
                        sb.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                        i++;
                        continue;
                    case 's':
                        sb.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                        i++;
                        continue;
                    case 'D' or 'W' or 'S' when !inClass:
                        sb.Append(n switch { 'D' => "[^0-9]", 'W' => "[^0-9A-Za-z_]", _ => "[^\\t\\n\\f\\r ]" });
                        i++;
                        continue;
                    default:
                        sb.Append(c).Append(n);
                        i++;
                        continue;
                }
            }
            if (inClass && c == '[' && i + 1 < re2.Length && re2[i + 1] == ':')
            {
                var close = re2.IndexOf(":]", i + 2, StringComparison.Ordinal);
                var name = close < 0 ? null : re2[(i + 2)..close];
                var negated = name is not null && name.StartsWith('^');
                if (name is not null && !negated && Posix.TryGetValue(name, out var ranges))
                {
                    sb.Append(ranges);
                    i = close + 1;
                    continue;
                }
                throw new FormatException($"the class [:{name}:] is not one RE2 knows, or is negated inside a class");
            }
            if (!inClass && c == '[')
            {
                inClass = true;
                sb.Append(c);
                // A ']' (or '^]') right after the opening is a literal in both engines.
                if (i + 1 < re2.Length && re2[i + 1] == '^') sb.Append(re2[++i]);
                if (i + 1 < re2.Length && re2[i + 1] == ']')
                {
                    sb.Append("\\]");
                    i++;
                }
                continue;
            }
            if (inClass && c == ']') inClass = false;
            if (!inClass && c == '(' && re2.AsSpan(i).StartsWith("(?P<")) { sb.Append("(?<"); i += 3; continue; }
            if (!inClass && c == '(' && re2.AsSpan(i).StartsWith("(?U")) throw new FormatException("RE2's ungreedy flag (?U) has no .NET equivalent");
            sb.Append(c);
        }
        return sb.ToString();
    }
}
