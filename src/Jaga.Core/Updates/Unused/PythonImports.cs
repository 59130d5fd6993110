using System.Text.RegularExpressions;

namespace Jaga.Core.Updates.Unused;

/// <summary>The modules a Python file imports, read as text: <c>import x</c>, <c>import x.y as z, w</c>,
/// <c>from x.y import z</c>, <c>__import__('x')</c>, <c>importlib.import_module('x')</c>. Comments are removed; an import
/// statement on a line of its own inside a docstring counts (a false "used", the safe side). Relative imports
/// (<c>from . import x</c>) name the project's own modules and are left out.</summary>
public static partial class PythonImports
{
    /// <summary>Every dotted module name imported, with its parents (<c>import a.b.c</c> gives <c>a</c>, <c>a.b</c>,
    /// <c>a.b.c</c>) and, for <c>from a import b</c>, <c>a.b</c> too (it may be a module: <c>from google import
    /// protobuf</c>).</summary>
    public static IReadOnlySet<string> Modules(string source)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in source.Split('\n'))
        {
            var line = raw.Split('#')[0];
            foreach (var statement in line.Split(';'))
            {
                if (Import().Match(statement) is { Success: true } i)
                {
                    foreach (var part in i.Groups["names"].Value.Split(','))
                    {
                        Add(found, part.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
                    }
                }
                else if (From().Match(statement) is { Success: true } f)
                {
                    var module = f.Groups["module"].Value;
                    if (module.StartsWith('.')) continue;
                    Add(found, module);
                    foreach (var name in f.Groups["names"].Value.Trim('(', ')', ' ', '\\', '\r').Split(','))
                    {
                        var first = name.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                        if (first is not null && first != "*" && Identifier().IsMatch(first)) found.Add($"{module}.{first}");
                    }
                }
            }
            foreach (Match d in Dynamic().Matches(line)) Add(found, d.Groups["module"].Value);
        }
        return found;
    }

    private static void Add(HashSet<string> found, string? dotted)
    {
        if (string.IsNullOrEmpty(dotted) || dotted[0] == '.' || !Dotted().IsMatch(dotted)) return;
        var parts = dotted.Split('.');
        for (var n = 1; n <= parts.Length; n++) found.Add(string.Join('.', parts.Take(n)));
    }

    [GeneratedRegex(@"^\s*import\s+(?<names>[^\r]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Import();

    [GeneratedRegex(@"^\s*from\s+(?<module>[\w.]+)\s+import\b(?<names>[^\r]*)", RegexOptions.CultureInvariant)]
    private static partial Regex From();

    [GeneratedRegex("""\b(?:__import__|import_module)\s*\(\s*['"](?<module>[\w.]+)['"]""", RegexOptions.CultureInvariant)]
    private static partial Regex Dynamic();

    [GeneratedRegex(@"^\w+(\.\w+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
