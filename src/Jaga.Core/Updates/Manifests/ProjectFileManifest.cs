using System.Xml.Linq;
using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A .csproj or .fsproj: its PackageReference items. The version is the VersionOverride when there is one,
/// else the Version attribute or child element; a reference without either is governed by central package management
/// (Directory.Packages.props) and is read with an empty requirement.</summary>
internal static class ProjectFileManifest
{
    public static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var xml = MsBuildXml.Load(file, text, words);
        var references = xml.Elements("PackageReference").ToList();
        // A test project's packages serve its tests only: the test SDK marks it, or the project says so itself.
        var testProject = xml.Elements("IsTestProject").Any(e => e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
            || references.Any(r => Name(r) is { } n && n.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
        var declarations = new List<Declaration>();
        var skipped = new List<SkippedDeclaration>();
        foreach (var reference in references)
        {
            if (Name(reference) is not { } name) continue;
            var where = new ManifestLocation(file.Path, MsBuildXml.Line(reference));
            if (name.Contains("$(", StringComparison.Ordinal) || name.Contains(';', StringComparison.Ordinal))
            {
                skipped.Add(new SkippedDeclaration(name, name, where, words["reason.manifest.skip.msbuild.name"]));
                continue;
            }
            var version = MsBuildXml.Metadata(reference, "VersionOverride") ?? MsBuildXml.Metadata(reference, "Version");
            var development = testProject || PrivateAll(reference);
            declarations.Add(Declared(xml, name, version, where, development, words));
        }
        return new ParsedManifest(declarations, skipped, []);
    }

    /// <summary>An item's package: <c>Include</c>, or <c>Update</c> for an item that sets the version of one included
    /// elsewhere (by the SDK or a Directory.Build.props).</summary>
    public static string? Name(XElement item) =>
        (item.Attribute("Include") ?? item.Attribute("Update"))?.Value.Trim() is { Length: > 0 } name ? name : null;

    /// <summary>A declaration of a NuGet package whose version is written in <paramref name="version"/> (null: none).</summary>
    public static Declaration Declared(MsBuildXml xml, string name, XObject? version, ManifestLocation where, bool development, Catalog words)
    {
        var scope = development ? DependencyScope.Development : DependencyScope.Runtime;
        var written = version is null ? "" : MsBuildXml.Value(version);
        if (version is null || written.Length == 0) return new Declaration(new Dependency(Ecosystem.NuGet, name, "", null, where, scope), -1, 0);
        var (offset, length) = xml.Span(version);
        var dependency = new Dependency(Ecosystem.NuGet, name, written, NuGetRequirement.Exact(written), where, scope);
        var refusal = written.Contains("$(", StringComparison.Ordinal) ? words.Format("reason.manifest.edit.msbuild.property", written) : null;
        return new Declaration(dependency, offset, length, refusal);
    }

    // PrivateAssets="all": the package is used to build (an analyzer, a source generator, a test adapter), not shipped.
    private static bool PrivateAll(XElement reference) =>
        MsBuildXml.Metadata(reference, "PrivateAssets") is { } p && MsBuildXml.Value(p).Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
}
