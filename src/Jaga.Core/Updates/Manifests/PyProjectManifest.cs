using Jaga.Core.Messages;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Jaga.Core.Updates.Manifests;

/// <summary>pyproject.toml: PEP 621's <c>[project] dependencies</c> (runtime) and <c>[project.optional-dependencies]</c>
/// (runtime, except groups named for development: dev, test, lint, docs, typing), and PEP 735's
/// <c>[dependency-groups]</c> (development). Each entry is a PEP 508 string. Read through Tomlyn's syntax tree, which
/// keeps where each string is written.</summary>
internal static class PyProjectManifest
{
    private static readonly string[] DevelopmentGroups = ["dev", "develop", "development", "test", "tests", "testing", "lint", "docs", "doc", "typing", "types"];

    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var bom = text.StartsWith('\uFEFF') ? 1 : 0;
        var document = SyntaxParser.Parse(text[bom..], file.Path, validate: true);
        if (document.HasErrors)
        {
            var error = document.Diagnostics.First(d => d.Kind == DiagnosticMessageKind.Error);
            throw new ManifestException(file.Path, error.Span.Start.Line + 1, words.Format("reason.manifest.toml", error.Message), words["reason.manifest.toml.hint"]);
        }
        var found = new List<Declaration>();
        var skipped = new List<SkippedDeclaration>();
        var reading = new Reading(file, text, bom, words, found, skipped);
        foreach (var kv in document.KeyValues) reading.Visit("", kv);
        foreach (var table in document.Tables.OfType<TableSyntax>())
        {
            var prefix = Key(table.Name!);
            foreach (var kv in table.Items) reading.Visit(prefix, kv);
        }
        return new ParsedManifest(found, skipped, []);
    }

    private static string Key(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key) };
        parts.AddRange(key.DotKeys.Select(d => Part(d.Key)));
        return string.Join('.', parts);
    }

    private static string Part(SyntaxNode? node) => node switch
    {
        BareKeySyntax bare => bare.Key!.Text!,
        StringValueSyntax quoted => quoted.Value!,
        _ => "",
    };

    private sealed record Reading(ManifestFile File, string Text, int Bom, Catalog Words, List<Declaration> Found, List<SkippedDeclaration> Skipped)
    {
        public void Visit(string prefix, KeyValueSyntax kv)
        {
            var key = prefix.Length == 0 ? Key(kv.Key!) : $"{prefix}.{Key(kv.Key!)}";
            switch (kv.Value)
            {
                case InlineTableSyntax inline:
                    foreach (var item in inline.Items) Visit(key, item.KeyValue!);
                    break;
                case ArraySyntax array when Scope(key) is { } scope:
                    foreach (var item in array.Items)
                    {
                        // A dependency group may include another group ({include-group = "test"}): that group is read itself.
                        if (item.Value is StringValueSyntax s) Add(s, scope);
                    }
                    break;
            }
        }

        private static DependencyScope? Scope(string key)
        {
            if (key == "project.dependencies") return DependencyScope.Runtime;
            if (key.StartsWith("dependency-groups.", StringComparison.Ordinal)) return DependencyScope.Development;
            if (!key.StartsWith("project.optional-dependencies.", StringComparison.Ordinal)) return null;
            var group = key["project.optional-dependencies.".Length..];
            return DevelopmentGroups.Contains(group, StringComparer.OrdinalIgnoreCase) ? DependencyScope.Development : DependencyScope.Runtime;
        }

        private void Add(StringValueSyntax s, DependencyScope scope)
        {
            var token = s.Token!;
            var at = token.Span.Start.Offset + Bom;
            var where = new ManifestLocation(File.Path, token.Span.Start.Line + 1);
            var value = s.Value ?? "";
            var parsed = Pep508Requirement.Parse(value)
                ?? throw new ManifestException(File.Path, where.Line, Words.Format("reason.manifest.requirement", value), Words["reason.manifest.requirement.hint"]);
            if (parsed.Url is { } url)
            {
                Skipped.Add(new SkippedDeclaration(parsed.Name, url, where, Words["reason.manifest.skip.url"]));
                return;
            }
            var dependency = new Dependency(Ecosystem.PyPI, parsed.Name, parsed.Specifier, Pep440Requirement.Exact(parsed.Specifier), where, scope);
            // The string's characters as written are its value only in a one-line string without escapes.
            var quotes = Text[at] == Text[at + 1] && Text[at + 1] == Text[at + 2] ? 3 : 1;
            var written = quotes == 1 ? Text.AsSpan(at + 1, value.Length) : default;
            var refusal = quotes == 1 && written.SequenceEqual(value) ? null : Words.Format("reason.manifest.edit.escaped", value);
            Found.Add(new Declaration(dependency, at + 1 + parsed.SpecifierIndex, parsed.Specifier.Length, refusal));
        }
    }
}
