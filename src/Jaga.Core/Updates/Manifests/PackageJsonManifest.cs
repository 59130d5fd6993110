using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>package.json: <c>dependencies</c> and <c>optionalDependencies</c> (runtime) and <c>devDependencies</c>
/// (development). Peer dependencies are the consumer's to install and are not read. A spec that names no registry
/// version (workspace:, file:, git, a URL, an npm: alias, a dist-tag) is skipped with its reason.</summary>
internal static class PackageJsonManifest
{
    private static readonly (string Section, DependencyScope Scope)[] Sections =
    [
        ("dependencies", DependencyScope.Runtime),
        ("optionalDependencies", DependencyScope.Runtime),
        ("devDependencies", DependencyScope.Development),
    ];

    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var tree = JsonTree.Parse(file, text, words, words["reason.manifest.json.hint.npm"]);
        var declarations = new List<Declaration>();
        var skipped = new List<SkippedDeclaration>();
        foreach (var (section, scope) in Sections)
        {
            if (tree.Root[section] is not { } value) continue;
            if (value is not JsonObject packages)
                throw new ManifestException(file.Path, tree.LineOf(value.Offset), words.Format("reason.manifest.json.section", section), words["reason.manifest.json.hint.npm"]);
            foreach (var member in packages.Members)
            {
                var where = new ManifestLocation(file.Path, tree.LineOf(member.Offset));
                if (member.Value is not JsonString spec)
                    throw new ManifestException(file.Path, where.Line, words.Format("reason.manifest.json.spec", member.Name), words["reason.manifest.json.hint.npm"]);
                if (NpmRequirement.SkipKey(spec.Value) is { } skip)
                {
                    skipped.Add(new SkippedDeclaration(member.Name, spec.Value, where, words[skip]));
                    continue;
                }
                var dependency = new Dependency(Ecosystem.Npm, member.Name, spec.Value, NpmRequirement.Exact(spec.Value), where, scope);
                var refusal = spec.Escaped ? words.Format("reason.manifest.edit.escaped", spec.Value) : null;
                declarations.Add(new Declaration(dependency, spec.ContentOffset, spec.ContentLength, refusal));
            }
        }
        return new ParsedManifest(declarations, skipped, []);
    }
}
