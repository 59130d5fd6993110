using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.Updates.Unused;

/// <summary>The packages a JavaScript or TypeScript file imports or requires, read as text: <c>require('x')</c>,
/// <c>require.resolve('x')</c>, <c>import … from 'x'</c>, <c>import 'x'</c>, <c>import('x')</c>, <c>export … from 'x'</c>.
/// Comments are removed first; strings are not understood, so an import written inside a string literal
/// (<c>"require('x')"</c>) counts as one — a false "used", the safe side for advice that says "unused".</summary>
public static partial class JavaScriptImports
{
    /// <summary>The package names <paramref name="source"/> imports: <c>x</c> of <c>x/sub</c>, <c>@s/n</c> of
    /// <c>@s/n/sub</c>; relative paths, absolute paths and <c>node:</c> built-ins are left out.</summary>
    public static IReadOnlySet<string> Packages(string source)
    {
        var text = WithoutComments(source);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var regex in new[] { Require(), DynamicImport(), FromClause(), BareImport() })
        {
            foreach (Match m in regex.Matches(text))
            {
                if (PackageOf(m.Groups["spec"].Value) is { } name) found.Add(name);
            }
        }
        return found;
    }

    /// <summary>The package a module specifier names, or null for a relative or absolute path, a URL or a built-in.</summary>
    public static string? PackageOf(string specifier)
    {
        if (specifier.Length == 0 || specifier[0] is '.' or '/' or '#' || specifier.Contains(':', StringComparison.Ordinal)) return null;
        var parts = specifier.Split('/');
        if (specifier[0] == '@') return parts.Length >= 2 && parts[1].Length > 0 ? $"{parts[0]}/{parts[1]}" : null;
        return parts[0];
    }

    /// <summary>The text with <c>//</c> and <c>/* */</c> comments blanked (line breaks kept); quotes are followed so that
    /// <c>'http://x'</c> is no comment.</summary>
    public static string WithoutComments(string source)
    {
        var sb = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c is '\'' or '"' or '`')
            {
                var end = i + 1;
                while (end < source.Length && source[end] != c && !(c != '`' && source[end] == '\n'))
                {
                    end += source[end] == '\\' ? 2 : 1;
                }
                end = Math.Min(end + 1, source.Length);
                sb.Append(source, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                for (var k = i; k < end; k++) if (source[k] == '\n') sb.Append('\n');
                i = end;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex("""\brequire(?:\.resolve)?\s*\(\s*(?<q>['"`])(?<spec>[^'"`\s]+)\k<q>\s*[,)]""", RegexOptions.CultureInvariant)]
    private static partial Regex Require();

    [GeneratedRegex("""\bimport\s*\(\s*(?<q>['"`])(?<spec>[^'"`\s]+)\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex DynamicImport();

    // import x from 'y', import { a,\n b } from 'y', import type T from 'y', export * from 'y', export { a } from 'y'.
    [GeneratedRegex("""\b(?:import|export)\b[^;'"`()]*?\bfrom\s*(?<q>['"])(?<spec>[^'"\s]+)\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex FromClause();

    [GeneratedRegex("""\bimport\s*(?<q>['"])(?<spec>[^'"\s]+)\k<q>""", RegexOptions.CultureInvariant)]
    private static partial Regex BareImport();
}
