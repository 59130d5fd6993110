using Jaga.Core.Updates;
using Jaga.Core.Updates.Unused;

namespace Jaga.Engine.Updates.Unused;

/// <summary>The project's probably-unused dependencies, with the evidence: advice the audit shows next to its findings,
/// never a reason to fail.</summary>
public static class UnusedDependencies
{
    /// <summary>Looks at every ecosystem's dependencies under <paramref name="root"/>: npm per package.json folder, Python
    /// over the whole project, .NET per project file from its built output.</summary>
    public static IReadOnlyList<UnusedDependency> Find(string root, IReadOnlyList<Dependency> dependencies)
    {
        var result = new List<UnusedDependency>();
        foreach (var manifest in dependencies.Where(d => d.Ecosystem == Ecosystem.Npm).GroupBy(d => d.Where.Path, StringComparer.Ordinal))
        {
            result.AddRange(NpmUsage.Find(root, manifest.Key, [.. manifest]));
        }
        var python = dependencies.Where(d => d.Ecosystem == Ecosystem.PyPI).ToList();
        if (python.Count > 0) result.AddRange(PythonUsage.Find(root, python));
        var nuget = dependencies.Where(d => d.Ecosystem == Ecosystem.NuGet).ToList();
        if (nuget.Count > 0) result.AddRange(DotNetUsage.Find(root, nuget));
        return result;
    }
}
