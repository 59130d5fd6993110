using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;

namespace Jaga.Core.Env;

/// <summary>Sets keys in an env file's text, keeping everything else as it was: comments, blank lines, the order of the
/// keys, <c>export</c> prefixes, the spacing around <c>=</c>, a comment after a value, and the file's line ends.</summary>
/// <remarks>The text is read with Jaga's own reader (<see cref="EnvFile"/>), which says where each assignment is; a key
/// assigned more than once has its last assignment rewritten, the one every reader uses. A file that does not read is
/// not edited: a guess at its lines could damage a neighbouring value.</remarks>
public static class EnvEdit
{
    /// <summary>The text with each of <paramref name="values"/> set, in order.</summary>
    /// <param name="text">The file's current text; empty for a new file.</param>
    /// <param name="path">The file's name as the user gave it, for messages.</param>
    /// <param name="values">Keys and their new values; each key once.</param>
    /// <param name="words">The language of messages.</param>
    /// <param name="hmacKey">The installation's key the values' HMACs are made with (<see cref="EnvValue.Hmac"/>).</param>
    /// <exception cref="UserException">The file does not read as an env file, a key is not a variable name or is given
    /// twice, or a value cannot be written (<see cref="EnvValue.Quote"/>). Messages never hold a value.</exception>
    public static EnvEdited Set(string text, string path, IReadOnlyList<KeyValuePair<string, string>> values, Catalog words, byte[] hmacKey)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(words);
        CheckKeys(values.Select(v => v.Key), words);
        var changes = new List<EnvKeyChange>();
        foreach (var (key, value) in values)
        {
            var file = Read(text, path, words);
            var quoted = EnvValue.Quote(key, value, words);
            var hash = EnvValue.Hmac(value, hmacKey);
            if (file.Values.TryGetValue(key, out var old) && old == value)
            {
                changes.Add(new EnvKeyChange(key, EnvChange.Unchanged, hash));
                continue;
            }
            var last = file.Entries.LastOrDefault(e => e.Key == key);
            text = last is null ? Append(text, $"{key}={quoted}") : Replace(text, last, quoted);
            changes.Add(new EnvKeyChange(key, last is null ? EnvChange.Added : EnvChange.Changed, hash));
        }
        return new EnvEdited(text, changes);
    }

    /// <summary>Refuses a key that is not a variable name (empty, with <c>=</c>, a space or a line feed) and a key given twice.</summary>
    /// <exception cref="UserException">The first such key, shown with its control characters escaped.</exception>
    public static void CheckKeys(IEnumerable<string> keys, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(words);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!EnvFile.IsKey(key)) throw new UserException(words.Format("reason.env.key", Shown(key)), words["reason.env.key.hint"]);
            if (!seen.Add(key)) throw new UserException(words.Format("reason.env.key.twice", key), words["reason.env.key.twice.hint"]);
        }
    }

    /// <summary>A key as a message may show it: control characters escaped, at most 40 characters.</summary>
    public static string Shown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder();
        foreach (var c in key.Length > 40 ? key[..40] : key)
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        if (key.Length > 40) sb.Append('…');
        return sb.Length == 0 ? "\"\"" : sb.ToString();
    }

    private static EnvFile Read(string text, string path, Catalog words)
    {
        var file = EnvFile.Parse(text, path);
        if (file.Errors.Count > 0)
        {
            var e = file.Errors[0];
            throw new UserException(words.Format("reason.env.unreadable", $"{path}:{e.Line}:{e.Column}", e.Message), words["reason.env.unreadable.hint"]);
        }
        return file;
    }

    private static string Append(string text, string line)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var sb = new StringBuilder(text);
        if (text.Length > 0 && !text.EndsWith('\n')) sb.Append(newline);
        return sb.Append(line).Append(newline).ToString();
    }

    /// <summary>Rewrites the value of <paramref name="entry"/>: what comes before it on its first line (indent,
    /// <c>export</c>, the key, <c>=</c> and the spaces after) and after it on its last line (spaces and a comment) stay.</summary>
    private static string Replace(string text, EnvFileEntry entry, string quoted)
    {
        var lines = text.Split('\n');
        var first = lines[entry.Line - 1];
        var end = lines[entry.LastLine - 1];
        var cr = end.EndsWith('\r') ? "\r" : "";
        if (cr.Length > 0) end = end[..^1];
        if (entry.Line == entry.LastLine) first = end;
        var eq = first.IndexOf('=', StringComparison.Ordinal);
        var valueStart = eq + 1;
        while (valueStart < first.Length && first[valueStart] is ' ' or '\t') valueStart++;
        var suffix = Suffix(first, end, valueStart, entry.Line == entry.LastLine);
        var head = first[..valueStart];
        var rewritten = head + quoted + suffix + cr;
        var kept = lines.Take(entry.Line - 1).Append(rewritten).Concat(lines.Skip(entry.LastLine));
        return string.Join('\n', kept);
    }

    /// <summary>What follows the value on its last line, as the reader saw it: after a closing quote, or from an unquoted
    /// value's <c>" #"</c> comment; trailing spaces of an unquoted value go with it.</summary>
    private static string Suffix(string first, string end, int valueStart, bool oneLine)
    {
        var rest = oneLine ? end[valueStart..] : end;
        if (oneLine && rest.StartsWith('\''))
            return rest[(rest.IndexOf('\'', 1) + 1)..];
        if (!oneLine || rest.StartsWith('"'))
        {
            // A double-quoted value: its closing quote is the first one not escaped, from the opening one (first line) or
            // from the line's start (a later line of a value that spans lines).
            var from = oneLine ? 1 : 0;
            for (var k = from; k < rest.Length; k++)
            {
                if (rest[k] == '\\') k++;
                else if (rest[k] == '"') return rest[(k + 1)..];
            }
            return "";
        }
        var hash = rest.IndexOf(" #", StringComparison.Ordinal);
        var value = hash >= 0 ? rest[..hash] : rest;
        var trimmed = value.TrimEnd();
        return rest[trimmed.Length..];
    }
}
