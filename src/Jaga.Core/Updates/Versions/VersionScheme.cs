using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Updates.Versions;

/// <summary>How one ecosystem writes and orders versions and requirements.</summary>
public abstract class VersionScheme
{
    public abstract Ecosystem Ecosystem { get; }

    public abstract bool TryParseVersion(string text, [NotNullWhen(true)] out PackageVersion? version);

    /// <summary>Reads a requirement as a manifest writes it; an empty text is "any version".</summary>
    public abstract bool TryParseRange(string text, [NotNullWhen(true)] out VersionRange? range);

    /// <summary>The scheme of an ecosystem.</summary>
    public static VersionScheme For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.NuGet => NuGetVersionScheme.Instance,
        Ecosystem.Npm => NpmVersionScheme.Instance,
        Ecosystem.PyPI => Pep440VersionScheme.Instance,
    };
}
