using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>One .npmrc read the way npm reads it (the <c>ini</c> format, then <c>${VAR}</c> replaced from the
/// environment in keys and values).</summary>
internal static partial class NpmrcFile
{
    /// <summary>The settings of <paramref name="text"/>, last one wins. Keys under an <c>[section]</c> are npm's nested
    /// objects, which no registry setting is, so they are left out.</summary>
    public static Dictionary<string, NpmSetting> Parse(string text, string origin, Func<string, string?> environment)
    {
        var settings = new Dictionary<string, NpmSetting>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is ';' or '#') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                inSection = true;
                continue;
            }
            if (inSection) continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var key = Unquote(eq < 0 ? line : line[..eq]);
            var value = eq < 0 ? "true" : Unquote(line[(eq + 1)..]);
            if (key.EndsWith("[]", StringComparison.Ordinal)) key = key[..^2];
            var unset = new List<string>();
            key = Expand(key, environment, unset);
            value = Expand(value, environment, unset);
            if (key.Length > 0) settings[key] = new NpmSetting(value, $"{origin}: {key}", unset);
        }
        return settings;
    }

    /// <summary>npm's <c>envReplace</c>: <c>${NAME}</c> becomes the variable's value; an unset one stays as written (npm
    /// sends it so, and the registry refuses it), <c>${NAME?}</c> becomes empty; a backslash escapes.</summary>
    public static string Expand(string text, Func<string, string?> environment, List<string> unset) =>
        Variable().Replace(text, m =>
        {
            var escapes = m.Groups["esc"].Value;
            if (escapes.Length % 2 == 1) return m.Value[((escapes.Length + 1) / 2)..];
            var name = m.Groups["name"].Value;
            var value = environment(name);
            if (value is null && !m.Groups["optional"].Success) unset.Add(name);
            return escapes[(escapes.Length / 2)..] + (value ?? (m.Groups["optional"].Success ? "" : m.Value[escapes.Length..]));
        });

    /// <summary>The <c>ini</c> package's reading of a key or value: quoted text is taken as JSON (or as is, between single
    /// quotes); otherwise an unescaped <c>;</c> or <c>#</c> starts a comment.</summary>
    private static string Unquote(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '\'' && t[^1] == '\'')))
        {
            if (t[0] == '\'') t = t[1..^1];
            try
            {
                return JsonSerializer.Deserialize<string>(t) ?? t;
            }
            catch (JsonException)
            {
                return t;
            }
        }
        var result = new StringBuilder();
        var escaped = false;
        foreach (var c in t)
        {
            if (escaped)
            {
                if (c is not ('\\' or ';' or '#')) result.Append('\\');
                result.Append(c);
                escaped = false;
            }
            else if (c is ';' or '#') break;
            else if (c == '\\') escaped = true;
            else result.Append(c);
        }
        if (escaped) result.Append('\\');
        return result.ToString().Trim();
    }

    [GeneratedRegex(@"(?<!\\)(?<esc>\\*)\$\{(?<name>[^${}?]+)(?<optional>\?)?\}")]
    private static partial Regex Variable();
}
