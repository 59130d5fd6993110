using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Unused;

namespace Jaga.Engine.Updates.Unused;

/// <summary>Python requirements none of whose top-level modules any .py file under the project root imports.</summary>
internal static class PythonUsage
{
    private static readonly string[] Extensions = [".py", ".pyi"];

    public static IEnumerable<UnusedDependency> Find(string root, IReadOnlyList<Dependency> dependencies)
    {
        var imported = new HashSet<string>(StringComparer.Ordinal);
        var files = 0;
        foreach (var file in SourceFiles.Under(root, Extensions))
        {
            files++;
            imported.UnionWith(PythonImports.Modules(File.ReadAllText(file)));
        }
        var installed = Installed(root);
        foreach (var dependency in dependencies.DistinctBy(d => PackageNames.Normalize(Ecosystem.PyPI, d.Name)))
        {
            if (CommandTools.IsPythonTool(dependency.Name)) continue;
            var modules = installed.TryGetValue(PackageNames.Normalize(Ecosystem.PyPI, dependency.Name), out var listed) && listed.Count > 0
                ? listed
                : PythonModules.Of(dependency.Name);
            if (PythonModules.Imported(modules, imported)) continue;
            foreach (var declared in dependencies.Where(d => PackageNames.Same(Ecosystem.PyPI, d.Name, dependency.Name)))
            {
                yield return new UnusedDependency(declared, new Phrase("reason.unused.python", [SourceFiles.Shown(root, root), string.Join(", ", modules), files]), UnusedConfidence.Medium);
            }
        }
    }

    /// <summary>The top-level modules of each distribution installed in a virtual environment beside the project
    /// (<c>.venv</c> or <c>venv</c>), keyed by normalized name, from <c>top_level.txt</c> or else <c>RECORD</c>.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Installed(string root)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var venv in new[] { ".venv", "venv" }.Select(v => Path.Combine(root, v)).Where(Directory.Exists))
        {
            foreach (var sitePackages in SitePackages(venv))
            {
                foreach (var info in Directory.EnumerateDirectories(sitePackages, "*.dist-info"))
                {
                    var folder = Path.GetFileName(info);
                    var dash = folder.IndexOf('-', StringComparison.Ordinal);
                    if (dash <= 0) continue;
                    var name = PackageNames.Normalize(Ecosystem.PyPI, folder[..dash]);
                    var topLevel = Path.Combine(info, "top_level.txt");
                    var record = Path.Combine(info, "RECORD");
                    var modules = File.Exists(topLevel) ? PythonModules.FromTopLevel(File.ReadAllText(topLevel))
                        : File.Exists(record) ? PythonModules.FromRecord(File.ReadAllText(record))
                        : [];
                    if (modules.Count > 0) result.TryAdd(name, modules);
                }
            }
        }
        return result;
    }

    // POSIX: lib/python3.12/site-packages; Windows: Lib/site-packages.
    private static IEnumerable<string> SitePackages(string venv)
    {
        foreach (var lib in new[] { "lib", "Lib", "lib64" }.Select(l => Path.Combine(venv, l)).Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            var direct = Path.Combine(lib, "site-packages");
            if (Directory.Exists(direct)) yield return direct;
            foreach (var python in Directory.EnumerateDirectories(lib, "python*"))
            {
                var nested = Path.Combine(python, "site-packages");
                if (Directory.Exists(nested)) yield return nested;
            }
        }
    }
}
