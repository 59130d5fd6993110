namespace Jaga.Core.Updates.Manifests;

/// <summary>The kinds of file Jaga reads dependencies from.</summary>
public enum ManifestKind
{
    /// <summary>A .csproj or .fsproj: its PackageReference items.</summary>
    ProjectFile,

    /// <summary>Directory.Packages.props: central package management's PackageVersion items.</summary>
    CentralPackages,

    /// <summary>packages.lock.json: the resolved versions of a project's packages.</summary>
    NuGetLock,

    /// <summary>package.json: dependencies, devDependencies, optionalDependencies.</summary>
    PackageJson,

    /// <summary>package-lock.json (lockfileVersion 2 or 3): the resolved versions.</summary>
    NpmLock,

    /// <summary>requirements*.txt: pins and ranges.</summary>
    Requirements,

    /// <summary>pyproject.toml: PEP 621 <c>[project] dependencies</c> and optional dependencies.</summary>
    PyProject,
}
