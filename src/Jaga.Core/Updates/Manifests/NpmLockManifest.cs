using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>package-lock.json. Lockfile versions 2 and 3 list every installed package under <c>packages</c>, keyed by
/// its folder (<c>node_modules/express</c>), and the project itself under <c>""</c> with its direct dependencies; those
/// are read, each with the version installed at the top of node_modules. Version 1 has only the nested
/// <c>dependencies</c> tree: its top level is read.</summary>
internal static class NpmLockManifest
{
    private static readonly (string Section, DependencyScope Scope)[] Sections =
    [
        ("dependencies", DependencyScope.Runtime),
        ("optionalDependencies", DependencyScope.Runtime),
        ("devDependencies", DependencyScope.Development),
    ];

    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var tree = JsonTree.Parse(file, text, words, words["reason.manifest.json.hint.npmlock"]);
        var declarations = new List<Declaration>();
        if (tree.Root["packages"] is JsonObject packages)
        {
            var project = packages[""] as JsonObject;
            var folders = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
            foreach (var member in packages.Members) folders[member.Name] = member;
            foreach (var (section, scope) in Sections)
            {
                if (project?[section] is not JsonObject direct) continue;
                foreach (var member in direct.Members)
                {
                    if (!folders.TryGetValue("node_modules/" + member.Name, out var folder) || folder.Value is not JsonObject installed || installed.Text("version") is not { } version) continue;
                    var where = new ManifestLocation(file.Path, tree.LineOf(folder.Offset));
                    var requirement = member.Value is JsonString s ? s.Value : "";
                    declarations.Add(new Declaration(new Dependency(Ecosystem.Npm, member.Name, requirement, version, where, scope), -1, 0));
                }
            }
        }
        else if (tree.Root["dependencies"] is JsonObject top)
        {
            foreach (var member in top.Members)
            {
                if (member.Value is not JsonObject installed || installed.Text("version") is not { } version) continue;
                var scope = installed["dev"] is JsonOther ? DependencyScope.Development : DependencyScope.Runtime;
                var where = new ManifestLocation(file.Path, tree.LineOf(member.Offset));
                declarations.Add(new Declaration(new Dependency(Ecosystem.Npm, member.Name, "", version, where, scope), -1, 0));
            }
        }
        return ParsedManifest.Of(declarations);
    }
}
