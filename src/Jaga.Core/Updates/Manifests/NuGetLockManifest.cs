using Jaga.Core.Messages;
using NuGet.Versioning;

namespace Jaga.Core.Updates.Manifests;

/// <summary>packages.lock.json: per target framework, each package restored with its <c>type</c>. Only
/// <c>Direct</c> ones are the project's own references; <c>Transitive</c> and <c>CentralTransitive</c> ones come with
/// them and are not read. A package resolved differently per framework is read with its lowest version, the one an
/// advisory is likeliest to affect.</summary>
internal static class NuGetLockManifest
{
    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var hint = words["reason.manifest.json.hint.nugetlock"];
        var tree = JsonTree.Parse(file, text, words, hint);
        if (tree.Root["dependencies"] is not JsonObject frameworks)
            throw new ManifestException(file.Path, 1, words.Format("reason.manifest.json.section", "dependencies"), hint);
        var found = new Dictionary<string, (Dependency Dependency, NuGetVersion Version)>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in frameworks.Members)
        {
            if (framework.Value is not JsonObject packages) continue;
            foreach (var package in packages.Members)
            {
                if (package.Value is not JsonObject entry || entry.Text("type") != "Direct") continue;
                if (entry.Text("resolved") is not { } resolved || !NuGetVersion.TryParse(resolved, out var version))
                    throw new ManifestException(file.Path, tree.LineOf(package.Offset), words.Format("reason.manifest.nugetlock.resolved", package.Name), hint);
                if (found.TryGetValue(package.Name, out var seen) && seen.Version <= version) continue;
                var where = seen.Dependency?.Where ?? new ManifestLocation(file.Path, tree.LineOf(package.Offset));
                found[package.Name] = (new Dependency(Ecosystem.NuGet, package.Name, entry.Text("requested") ?? "", resolved, where, DependencyScope.Runtime), version);
            }
        }
        return ParsedManifest.Of([.. found.Values.Select(f => new Declaration(f.Dependency, -1, 0))]);
    }
}
