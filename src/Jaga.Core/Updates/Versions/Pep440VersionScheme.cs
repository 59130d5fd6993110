using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Updates.Versions;

/// <summary>Python's versions (PEP 440, <see cref="Pep440Version"/>) and requirements (PEP 440 specifier sets,
/// <see cref="Pep440SpecifierSet"/>), by the rules of the <c>packaging</c> library pip uses.</summary>
public sealed class Pep440VersionScheme : VersionScheme
{
    public static Pep440VersionScheme Instance { get; } = new();

    private Pep440VersionScheme()
    {
    }

    public override Ecosystem Ecosystem => Ecosystem.PyPI;

    public override bool TryParseVersion(string text, [NotNullWhen(true)] out PackageVersion? version)
    {
        version = Pep440Version.TryParse(text, out var parsed) ? parsed : null;
        return version is not null;
    }

    /// <summary>Reads the specifier text a requirement writes after its name (markers, extras and parentheses
    /// removed); an empty text is any version.</summary>
    public override bool TryParseRange(string text, [NotNullWhen(true)] out VersionRange? range)
    {
        range = Pep440SpecifierSet.TryParse(text, out var parsed) ? parsed : null;
        return range is not null;
    }

    /// <summary>The PEP 440 version behind a version of this scheme.</summary>
    public static Pep440Version Of(PackageVersion version) =>
        version as Pep440Version ?? throw new InvalidOperationException($"not a PEP 440 version: {version.Ecosystem}");
}
