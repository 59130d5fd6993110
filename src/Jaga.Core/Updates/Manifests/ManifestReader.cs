using Jaga.Core.Messages;

namespace Jaga.Core.Updates.Manifests;

/// <summary>Reads the dependencies a manifest declares, from its text: pure, no file is opened here.</summary>
public static class ManifestReader
{
    /// <summary>The most characters of a manifest written by hand (a project, package.json, requirements, pyproject):
    /// real ones are a few KiB.</summary>
    public const int ManifestLimit = 4 << 20;

    /// <summary>The most characters of a lock file, which lists every package installed and grows with the tree.</summary>
    public const int LockLimit = 64 << 20;

    /// <summary>The dependencies <paramref name="text"/> declares; a file that cannot be read as its kind is a
    /// <see cref="Errors.UserException"/> naming the file, line and the fix.</summary>
    public static IReadOnlyList<Dependency> Read(ManifestFile file, string text) => Read(file, text, Catalog.English).Dependencies;

    /// <summary>All <paramref name="text"/> says: its dependencies, the declarations read past (workspace, path, git,
    /// URL, alias, editable) each with its reason in <paramref name="words"/>' language, and the files it includes.</summary>
    /// <exception cref="ManifestException">The text is not a manifest of its kind, or is larger than its limit.</exception>
    public static ManifestContents Read(ManifestFile file, string text, Catalog words) => Parse(file, text, words).Contents();

    /// <summary>The limit of a kind: <see cref="LockLimit"/> for lock files, <see cref="ManifestLimit"/> otherwise.</summary>
    public static int LimitOf(ManifestKind kind) => kind is ManifestKind.NuGetLock or ManifestKind.NpmLock ? LockLimit : ManifestLimit;

    internal static ParsedManifest Parse(ManifestFile file, string text, Catalog words)
    {
        var limit = LimitOf(file.Kind);
        if (text.Length > limit)
            throw new ManifestException(file.Path, null, words.Format("reason.manifest.toolarge", limit >> 20), words["reason.manifest.toolarge.hint"]);
        return file.Kind switch
        {
            ManifestKind.ProjectFile => ProjectFileManifest.Parse(file, text, words),
            ManifestKind.CentralPackages => CentralPackagesManifest.Parse(file, text, words),
            ManifestKind.NuGetLock => NuGetLockManifest.Parse(file, text, words),
            ManifestKind.PackageJson => PackageJsonManifest.Parse(file, text, words),
            ManifestKind.NpmLock => NpmLockManifest.Parse(file, text, words),
            ManifestKind.Requirements => RequirementsManifest.Parse(file, text, words),
            ManifestKind.PyProject => PyProjectManifest.Parse(file, text, words),
        };
    }
}
