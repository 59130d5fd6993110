using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>Directory.Packages.props (central package management): each PackageVersion sets the version of a package
/// the projects beneath reference without one; each GlobalPackageReference adds a package to every project (an analyzer,
/// a build tool), so it is read as a development dependency.</summary>
internal static class CentralPackagesManifest
{
    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var xml = MsBuildXml.Load(file, text, words);
        var declarations = new List<Declaration>();
        foreach (var item in xml.Document.Descendants().Where(e => e.Name.LocalName is "PackageVersion" or "GlobalPackageReference"))
        {
            if (ProjectFileManifest.Name(item) is not { } name) continue;
            var where = new ManifestLocation(file.Path, MsBuildXml.Line(item));
            var global = item.Name.LocalName == "GlobalPackageReference";
            declarations.Add(ProjectFileManifest.Declared(xml, name, MsBuildXml.Metadata(item, "Version"), where, global, words));
        }
        return ParsedManifest.Of(declarations);
    }
}
