using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Unused;

namespace Jaga.Engine.Updates.Unused;

/// <summary>PackageReferences none of whose assemblies the project's built assembly references: the assembly's
/// references read with System.Reflection.Metadata, the package's assemblies from the restore's
/// <c>obj/project.assets.json</c>.</summary>
internal static class DotNetUsage
{
    public static IEnumerable<UnusedDependency> Find(string root, IReadOnlyList<Dependency> dependencies)
    {
        // A Directory.Packages.props names versions, not uses: its packages are looked at through the projects that
        // reference them, which are not known here (a documented limit).
        var perProject = dependencies
            .Where(d => d.Where.Path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            .Where(d => d.Scope == DependencyScope.Runtime)
            .GroupBy(d => d.Where.Path, StringComparer.Ordinal);
        foreach (var project in perProject)
        {
            foreach (var unused in InProject(root, project.Key, [.. project])) yield return unused;
        }
    }

    private static IEnumerable<UnusedDependency> InProject(string root, string manifest, IReadOnlyList<Dependency> dependencies)
    {
        var path = Path.Combine(root, manifest);
        var folder = Path.GetDirectoryName(path) ?? root;
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            foreach (var d in dependencies) yield return new UnusedDependency(d, new Phrase("reason.unused.nuget.not.restored"), UnusedConfidence.Unchecked);
            yield break;
        }
        var built = Built(folder, AssemblyName(path));
        if (built is null)
        {
            foreach (var d in dependencies) yield return new UnusedDependency(d, new Phrase("reason.unused.nuget.not.built"), UnusedConfidence.Unchecked);
            yield break;
        }
        IReadOnlySet<string> references = new HashSet<string>();
        Dictionary<string, HashSet<string>> packages = [];
        HashSet<string> buildOnly = [];
        string? unreadable = null;
        try
        {
            references = References(built);
            (packages, buildOnly) = PackageAssemblies(File.ReadAllText(assets));
        }
        catch (Exception e) when (e is BadImageFormatException or JsonException or IOException)
        {
            // A build or restore cut short (a truncated file, one being written): no evidence, so no verdict.
            unreadable = e is JsonException ? "reason.unused.nuget.not.restored" : "reason.unused.nuget.not.built";
        }
        if (unreadable is not null)
        {
            foreach (var d in dependencies) yield return new UnusedDependency(d, new Phrase(unreadable), UnusedConfidence.Unchecked);
            yield break;
        }
        foreach (var dependency in dependencies)
        {
            if (buildOnly.Contains(dependency.Name)) continue;
            // A package with no assembly of its own (analyzers, build targets, a meta-package) cannot be judged this way.
            if (!packages.TryGetValue(dependency.Name, out var assemblies) || assemblies.Count == 0) continue;
            if (assemblies.Any(references.Contains)) continue;
            var shown = Path.GetRelativePath(root, built).Replace('\\', '/');
            yield return new UnusedDependency(dependency, new Phrase("reason.unused.nuget", [shown, string.Join(", ", assemblies.Order(StringComparer.Ordinal))]), UnusedConfidence.High);
        }
    }

    /// <summary>The project's AssemblyName, or its file name when it sets none (or sets one MSBuild computes).</summary>
    public static string AssemblyName(string projectFile)
    {
        var fallback = Path.GetFileNameWithoutExtension(projectFile);
        try
        {
            var named = XDocument.Load(projectFile).Descendants().LastOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
            return string.IsNullOrEmpty(named) || named.Contains("$(", StringComparison.Ordinal) ? fallback : named;
        }
        catch (System.Xml.XmlException)
        {
            return fallback;
        }
    }

    /// <summary>The newest <c>bin/**/&lt;AssemblyName&gt;.dll</c> of any configuration and target framework.</summary>
    public static string? Built(string folder, string assemblyName)
    {
        var bin = Path.Combine(folder, "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, assemblyName + ".dll", SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)
            : null;
    }

    /// <summary>The names of the assemblies <paramref name="assembly"/> references.</summary>
    public static IReadOnlySet<string> References(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!pe.HasMetadata) return names;
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            names.Add(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
        }
        return names;
    }

    /// <summary>From a <c>project.assets.json</c>: each package's assembly names (its compile and runtime <c>.dll</c>s
    /// across every target), and the direct references that flow to no consumer (<c>PrivateAssets="all"</c>:
    /// analyzers, test adapters, build tools).</summary>
    public static (Dictionary<string, HashSet<string>> Packages, HashSet<string> BuildOnly) PackageAssemblies(string assetsJson)
    {
        var packages = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var buildOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(assetsJson);
        if (doc.RootElement.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Object)
        {
            foreach (var target in targets.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var library in target.Value.EnumerateObject())
                {
                    if (library.Value.ValueKind != JsonValueKind.Object) continue;
                    if (library.Value.TryGetProperty("type", out var type) && type.GetString() != "package") continue;
                    var name = library.Name.Split('/')[0];
                    if (!packages.TryGetValue(name, out var assemblies)) packages[name] = assemblies = new(StringComparer.OrdinalIgnoreCase);
                    foreach (var group in new[] { "compile", "runtime" })
                    {
                        if (!library.Value.TryGetProperty(group, out var files) || files.ValueKind != JsonValueKind.Object) continue;
                        foreach (var file in files.EnumerateObject().Select(f => f.Name).Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                        {
                            assemblies.Add(Path.GetFileNameWithoutExtension(file));
                        }
                    }
                }
            }
        }
        if (doc.RootElement.TryGetProperty("project", out var project) && project.TryGetProperty("frameworks", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var framework in frameworks.EnumerateObject())
            {
                if (!framework.Value.TryGetProperty("dependencies", out var direct) || direct.ValueKind != JsonValueKind.Object) continue;
                foreach (var dependency in direct.EnumerateObject())
                {
                    if (dependency.Value.ValueKind == JsonValueKind.Object && dependency.Value.TryGetProperty("suppressParent", out var suppress)
                        && suppress.GetString()?.Replace(" ", "", StringComparison.Ordinal).Equals("All", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        buildOnly.Add(dependency.Name);
                    }
                }
            }
        }
        return (packages, buildOnly);
    }
}
