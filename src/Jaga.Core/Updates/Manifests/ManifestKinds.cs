namespace Jaga.Core.Updates.Manifests;

/// <summary>The kind of manifest a file is, by its name.</summary>
public static class ManifestKinds
{
    /// <summary>The kind of the file at <paramref name="path"/> (<c>/</c> or the platform's separators), or null when
    /// Jaga reads no dependencies from such a file. Requirements files are <c>requirements*.txt</c>,
    /// <c>*-requirements.txt</c>/<c>*_requirements.txt</c>, and any <c>.txt</c> in a folder named
    /// <c>requirements</c>.</summary>
    public static ManifestKind? Of(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var name = parts[^1];
        var folder = parts.Length > 1 ? parts[^2] : "";
        bool Is(string file) => name.Equals(file, StringComparison.OrdinalIgnoreCase);
        bool Ends(string suffix) => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        if (Ends(".csproj") || Ends(".fsproj") || Ends(".vbproj")) return ManifestKind.ProjectFile;
        if (Is("Directory.Packages.props")) return ManifestKind.CentralPackages;
        if (Is("packages.lock.json")) return ManifestKind.NuGetLock;
        if (Is("package.json")) return ManifestKind.PackageJson;
        if (Is("package-lock.json") || Is("npm-shrinkwrap.json")) return ManifestKind.NpmLock;
        if (Is("pyproject.toml")) return ManifestKind.PyProject;
        if (Ends(".txt") && (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) || Ends("-requirements.txt") || Ends("_requirements.txt")
            || folder.Equals("requirements", StringComparison.OrdinalIgnoreCase)))
            return ManifestKind.Requirements;
        return null;
    }
}
