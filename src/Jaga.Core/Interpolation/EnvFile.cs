using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.Interpolation;

/// <summary>A parsed dotenv file: <c>KEY=value</c>, <c>export KEY=value</c>, comments, single quotes
/// (literal), double quotes (with <c>\n \t \" \\ \$</c> escapes, may span lines), inline <c># comments</c>.</summary>
public sealed partial class EnvFile
{
    private EnvFile(string path, IReadOnlyDictionary<string, string> values, IReadOnlyList<EnvFileError> errors, IReadOnlyList<EnvFileEntry> entries)
    {
        Path = path;
        Values = values;
        Errors = errors;
        Entries = entries;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlyList<EnvFileError> Errors { get; }

    /// <summary>Every assignment as written, in file order (a key assigned twice is listed twice; the last one wins in
    /// <see cref="Values"/>), with the lines it spans: what an edit of the file needs to replace one in place.</summary>
    public IReadOnlyList<EnvFileEntry> Entries { get; }

    /// <summary>Whether <paramref name="name"/> can be a variable's name here: letters, digits and <c>_</c>, not starting with a digit.</summary>
    /// <remarks>The pattern's <c>$</c> also matches before a final line feed, which a name never ends with.</remarks>
    public static bool IsKey(string name) => !name.EndsWith('\n') && KeyShape().IsMatch(name);

    public static EnvFile Parse(string text, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<EnvFileError>();
        var entries = new List<EnvFileEntry>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var indent = line.Length - trimmed.Length;
            if (trimmed.StartsWith("export ", StringComparison.Ordinal))
            {
                trimmed = trimmed[7..].TrimStart();
                indent = line.Length - trimmed.Length;
            }
            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add(new EnvFileError(lineNo, indent + 1, "expected KEY=value"));
                continue;
            }
            var key = trimmed[..eq].Trim();
            if (!KeyShape().IsMatch(key))
            {
                errors.Add(new EnvFileError(lineNo, indent + 1, "this is not a variable name (letters, digits and _; not starting with a digit); the line is not quoted here in case it holds a secret"));
                continue;
            }
            var rest = trimmed[(eq + 1)..].TrimStart();
            var valueColumn = indent + 1 + (trimmed.Length - rest.Length);
            if (rest.StartsWith('\''))
            {
                var close = rest.IndexOf('\'', 1);
                if (close < 0)
                {
                    errors.Add(new EnvFileError(lineNo, valueColumn, "unterminated single quote"));
                    continue;
                }
                values[key] = rest[1..close];
                entries.Add(new EnvFileEntry(key, lineNo, lineNo));
            }
            else if (rest.StartsWith('"'))
            {
                var (value, consumed, ok) = ReadDoubleQuoted(lines, i, rest);
                if (!ok)
                {
                    errors.Add(new EnvFileError(lineNo, valueColumn, "unterminated double quote"));
                    break;
                }
                values[key] = value;
                entries.Add(new EnvFileEntry(key, lineNo, lineNo + consumed));
                i += consumed;
            }
            else
            {
                var hash = rest.IndexOf(" #", StringComparison.Ordinal);
                values[key] = (hash >= 0 ? rest[..hash] : rest).TrimEnd();
                entries.Add(new EnvFileEntry(key, lineNo, lineNo));
            }
        }
        return new EnvFile(path, values, errors, entries);
    }

    private static (string Value, int ExtraLines, bool Ok) ReadDoubleQuoted(string[] lines, int start, string first)
    {
        var sb = new StringBuilder();
        var text = first[1..];
        var extra = 0;
        while (true)
        {
            for (var k = 0; k < text.Length; k++)
            {
                var c = text[k];
                if (c == '"') return (sb.ToString(), extra, true);
                if (c == '\\' && k + 1 < text.Length)
                {
                    k++;
                    sb.Append(text[k] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[k] });
                }
                else
                {
                    sb.Append(c);
                }
            }
            extra++;
            if (start + extra >= lines.Length) return ("", extra, false);
            sb.Append('\n');
            text = lines[start + extra];
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyShape();
}

public sealed record EnvFileError(int Line, int Column, string Message);
