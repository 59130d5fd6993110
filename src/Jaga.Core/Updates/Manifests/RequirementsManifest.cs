using System.Text;
using System.Text.RegularExpressions;
using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A pip requirements file, read the way pip reads it: a line ending in <c>\</c> continues on the next (the
/// requirement's line is the first), <c>#</c> at the start or after a space starts a comment, a requirement's options
/// (<c>--hash=…</c>) follow it, <c>-r</c>/<c>--requirement</c> names a file to read with it, and other option lines
/// (<c>-c</c>, <c>-i</c>, <c>--extra-index-url</c>, <c>-e</c>) are skipped. A requirement pinned by hashes is read but
/// not edited: its hashes belong to the old version. A file whose name says dev, test, lint or doc holds development
/// dependencies.</summary>
internal static partial class RequirementsManifest
{
    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var name = file.Path[(file.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var folder = file.Path.Contains('/', StringComparison.Ordinal) ? file.Path[..file.Path.LastIndexOf('/')].ToLowerInvariant() : "";
        var scope = Development().IsMatch(name) || Development().IsMatch(folder) ? DependencyScope.Development : DependencyScope.Runtime;
        var lines = new TextLines(text);
        var declarations = new List<Declaration>();
        var skipped = new List<SkippedDeclaration>();
        var includes = new List<string>();
        foreach (var (logical, map) in LogicalLines(text))
        {
            var content = Comment().Replace(logical, "");
            if (content.Trim().Length == 0) continue;
            var where = new ManifestLocation(file.Path, lines.LineOf(map[0]));
            // pip's break_args_options: the requirement runs up to the first word that starts with a dash.
            var words0 = content.Split(' ');
            var argsLength = 0;
            var argWords = 0;
            for (; argWords < words0.Length && !words0[argWords].StartsWith('-'); argWords++) argsLength += words0[argWords].Length + 1;
            var requirement = content[..Math.Min(argsLength, content.Length)].TrimEnd();
            var options = content[Math.Min(argsLength, content.Length)..].Trim();
            if (requirement.Trim().Length == 0)
            {
                Option(options, where, includes, skipped, words);
                continue;
            }
            var spec = requirement.Trim();
            var parsed = Pep508Requirement.Parse(requirement);
            if (parsed?.Url is { } url)
            {
                skipped.Add(new SkippedDeclaration(parsed.Name, url, where, words["reason.manifest.skip.url"]));
                continue;
            }
            if (spec.Contains("://", StringComparison.Ordinal) || spec.StartsWith('.') || spec.StartsWith('/')
                || spec.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || spec.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
            {
                skipped.Add(new SkippedDeclaration(spec, spec, where, words[spec.Contains("://", StringComparison.Ordinal) ? "reason.manifest.skip.url" : "reason.manifest.skip.path"]));
                continue;
            }
            if (parsed is null)
                throw new ManifestException(file.Path, where.Line, words.Format("reason.manifest.requirement", spec), words["reason.manifest.requirement.hint"]);
            var dependency = new Dependency(Ecosystem.PyPI, parsed.Name, parsed.Specifier, Pep440Requirement.Exact(parsed.Specifier), where, scope);
            var start = map[parsed.SpecifierIndex];
            var contiguous = parsed.Specifier.Length == 0 || map[parsed.SpecifierIndex + parsed.Specifier.Length - 1] - start == parsed.Specifier.Length - 1;
            var refusal = options.Contains("--hash", StringComparison.Ordinal) ? words.Format("reason.manifest.edit.hashes", parsed.Name)
                : !contiguous ? words.Format("reason.manifest.edit.split", parsed.Name)
                : null;
            declarations.Add(new Declaration(dependency, start, parsed.Specifier.Length, refusal));
        }
        return new ParsedManifest(declarations, skipped, includes);
    }

    private static void Option(string options, ManifestLocation where, List<string> includes, List<SkippedDeclaration> skipped, Catalog words)
    {
        var m = OptionShape().Match(options);
        if (!m.Success) return;
        var value = m.Groups["value"].Value.Trim();
        switch (m.Groups["option"].Value)
        {
            case "-r" or "--requirement":
                includes.Add(value);
                break;
            case "-e" or "--editable":
                skipped.Add(new SkippedDeclaration(value, value, where, words["reason.manifest.skip.editable"]));
                break;
        }
    }

    /// <summary>The text's logical lines, each with the offset in the text of every one of its characters (a line
    /// continued by <c>\</c> holds characters of several physical lines).</summary>
    private static IEnumerable<(string Line, int[] Map)> LogicalLines(string text)
    {
        var line = new StringBuilder();
        var map = new List<int>();
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
            // As pip: a comment line never continues.
            var continued = stop > start && text[stop - 1] == '\\' && !text[start..stop].TrimStart().StartsWith('#');
            var until = continued ? stop - 1 : stop;
            for (var i = start; i < until; i++)
            {
                line.Append(text[i]);
                map.Add(i);
            }
            if (!continued || end == text.Length)
            {
                map.Add(until);
                yield return (line.ToString(), map.ToArray());
                line.Clear();
                map.Clear();
            }
            start = end + 1;
        }
    }

    [GeneratedRegex(@"(^|\s+)#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<option>-[A-Za-z]|--[a-z-]+)(?:=|\s+)?(?<value>.*)$")]
    private static partial Regex OptionShape();

    [GeneratedRegex(@"(^|[^a-z])(dev|test|tests|testing|lint|docs?)([^a-z]|$)")]
    private static partial Regex Development();
}
