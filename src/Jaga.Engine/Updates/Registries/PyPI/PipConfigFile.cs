using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>A pip.conf read as Python's configparser reads it: <c>[section]</c>, <c>key = value</c> or
/// <c>key: value</c>, indented lines continuing the value before, <c>#</c> and <c>;</c> comment lines; keys as pip
/// names them (lower case, <c>_</c> as <c>-</c>).</summary>
internal static class PipConfigFile
{
    /// <summary>section → key → value. A line configparser refuses is a user error naming the file and line.</summary>
    public static Dictionary<string, Dictionary<string, string>> Parse(string text, string file, Catalog words)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        string? lastKey = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                if (line.Length == 0) lastKey = null;
                continue;
            }
            if (char.IsWhiteSpace(raw[0]) && section is not null && lastKey is not null)
            {
                section[lastKey] = section[lastKey] + "\n" + line;
                continue;
            }
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out section)) sections[name] = section = new(StringComparer.Ordinal);
                lastKey = null;
                continue;
            }
            var at = line.IndexOfAny(['=', ':']);
            if (section is null || at <= 0)
            {
                // file:line: first, as every error about a file the user wrote.
                var what = section is null ? words["reason.registry.pip.nosection"] : words["reason.registry.pip.nokey"];
                throw new UserException($"{file}:{i + 1}: {what}", words["reason.registry.pip.syntax.hint"]);
            }
            lastKey = line[..at].Trim().ToLowerInvariant().Replace('_', '-');
            section[lastKey] = line[(at + 1)..].Trim();
        }
        return sections;
    }
}
