namespace Jaga.Core.Updates;

/// <summary>A package ecosystem whose manifests Jaga reads, whose registries it asks and whose versions it compares by
/// that ecosystem's own rules.</summary>
public enum Ecosystem
{
    /// <summary>.NET: PackageReference, Directory.Packages.props, packages.lock.json; versions by NuGet.Versioning.</summary>
    NuGet,

    /// <summary>JavaScript: package.json and package-lock.json; versions and ranges by node-semver's rules.</summary>
    Npm,

    /// <summary>Python: requirements*.txt and pyproject.toml; versions and specifiers by PEP 440.</summary>
    PyPI,
}
