using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Manifests;
using Jaga.Core.Updates.Versions;
using Jaga.Engine.Files;

namespace Jaga.Engine.Updates.Manifests;

/// <summary>Reads a project's manifests and joins what they say: a lock file fills in the version in use of the
/// declarations it locks (packages.lock.json beside its project, package-lock.json beside its package.json), and under
/// central package management a PackageReference without a version is its PackageVersion's declaration in the nearest
/// Directory.Packages.props, reported once with that location. Requirements files named by <c>-r</c> are read too when
/// they are inside the project.</summary>
public static class ProjectDependencies
{
    /// <summary>The dependencies of the project at <paramref name="root"/> that <paramref name="manifests"/> declare.</summary>
    /// <exception cref="UserException">A manifest cannot be read, or is not a file of its kind (the message names the file
    /// and line).</exception>
    public static ProjectDependencyList Read(string root, IReadOnlyList<ManifestFile> manifests, Catalog words)
    {
        var read = new List<(ManifestFile File, ManifestContents Contents)>();
        var queue = new Queue<ManifestFile>(manifests);
        var seen = new HashSet<string>(manifests.Select(m => m.Path), StringComparer.Ordinal);
        while (queue.TryDequeue(out var file))
        {
            var full = Path.Combine(root, file.Path);
            var text = InputFile.ReadText(full, ManifestReader.LimitOf(file.Kind), "manifest")
                ?? throw new UserException(words.Format("reason.manifest.list.missing", file.Path), words["reason.manifest.list.missing.hint"]);
            var contents = ManifestReader.Read(file, text, words);
            read.Add((file, contents));
            foreach (var include in contents.Includes)
            {
                var included = ManifestDiscovery.Relative(root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, include)));
                // pip would read a file outside the project too, but it is not this project's to audit or edit.
                if (included.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(included) || !File.Exists(Path.Combine(root, included))) continue;
                if (seen.Add(included)) queue.Enqueue(new ManifestFile(included, ManifestKind.Requirements));
            }
        }
        return new ProjectDependencyList(
            [.. read.Select(r => r.File)],
            Joined(read),
            [.. read.SelectMany(r => r.Contents.Skipped)]);
    }

    private static List<Dependency> Joined(List<(ManifestFile File, ManifestContents Contents)> read)
    {
        // What each lock file resolves, by the folder it locks.
        var locked = read.Where(r => r.File.Kind is ManifestKind.NuGetLock or ManifestKind.NpmLock)
            .ToDictionary(r => (Folder(r.File.Path), r.File.Kind), r => r.Contents.Dependencies.GroupBy(d => d.Name, Comparer(r.File.Kind))
                .ToDictionary(g => g.Key, g => g.First().Resolved, Comparer(r.File.Kind)));
        var central = read.Where(r => r.File.Kind == ManifestKind.CentralPackages).ToDictionary(r => Folder(r.File.Path), r => r.Contents.Dependencies);
        // A central PackageVersion, once any project references it: the version in use its projects' lock files name,
        // and whether any of them uses it at run time.
        var joined = new Dictionary<Dependency, (string? Resolved, bool Runtime)>(ReferenceEqualityComparer.Instance);
        var result = new List<(Dependency Dependency, bool Central)>();
        foreach (var (file, contents) in read)
        {
            var lockKind = file.Kind switch
            {
                ManifestKind.ProjectFile => ManifestKind.NuGetLock,
                ManifestKind.PackageJson => ManifestKind.NpmLock,
                _ => (ManifestKind?)null,
            };
            var resolved = lockKind is { } k && locked.TryGetValue((Folder(file.Path), k), out var l) ? l : null;
            foreach (var dependency in contents.Dependencies)
            {
                if (file.Kind is ManifestKind.NuGetLock or ManifestKind.NpmLock) continue;
                var inUse = resolved?.GetValueOrDefault(dependency.Name);
                if (file.Kind == ManifestKind.ProjectFile && dependency.Requirement.Length == 0 && CentralOf(file.Path, dependency.Name, central) is { } version)
                {
                    var runtime = dependency.Scope == DependencyScope.Runtime;
                    joined[version] = joined.TryGetValue(version, out var j)
                        ? (Lowest(j.Resolved, inUse), j.Runtime || runtime)
                        : (inUse, runtime);
                    continue;
                }
                result.Add((inUse is null ? dependency : dependency with { Resolved = inUse }, file.Kind == ManifestKind.CentralPackages));
            }
        }
        return [.. result.Select(r => r.Central && joined.TryGetValue(r.Dependency, out var j)
            ? r.Dependency with
            {
                Resolved = j.Resolved ?? r.Dependency.Resolved,
                Scope = j.Runtime ? DependencyScope.Runtime : DependencyScope.Development,
            }
            : r.Dependency)];
    }

    /// <summary>The PackageVersion that sets <paramref name="name"/>'s version for the project at
    /// <paramref name="project"/>: MSBuild imports the first Directory.Packages.props found from the project's folder
    /// up.</summary>
    private static Dependency? CentralOf(string project, string name, Dictionary<string, IReadOnlyList<Dependency>> central)
    {
        for (var folder = Folder(project); ; folder = Folder(folder))
        {
            if (central.TryGetValue(folder, out var versions)) return versions.FirstOrDefault(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (folder.Length == 0) return null;
        }
    }

    private static string? Lowest(string? a, string? b)
    {
        if (a is null || b is null) return a ?? b;
        var scheme = VersionScheme.For(Ecosystem.NuGet);
        return scheme.TryParseVersion(a, out var va) && scheme.TryParseVersion(b, out var vb) && vb < va ? b : a;
    }

    private static StringComparer Comparer(ManifestKind kind) => kind == ManifestKind.NuGetLock ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static string Folder(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
}
