using System.Diagnostics.CodeAnalysis;

namespace Jaga.Core.Updates.Versions;

/// <summary>PEP 440 versions and specifiers. PLACEHOLDER while the PEP 440 part is written on its own branch: it must
/// not reach a stop in this form.</summary>
public sealed class Pep440VersionScheme : VersionScheme
{
    public static Pep440VersionScheme Instance { get; } = new();

    private Pep440VersionScheme()
    {
    }

    public override Ecosystem Ecosystem => Ecosystem.PyPI;

    public override bool TryParseVersion(string text, [NotNullWhen(true)] out PackageVersion? version) =>
        throw new NotImplementedException("PEP 440 versions");

    public override bool TryParseRange(string text, [NotNullWhen(true)] out VersionRange? range) =>
        throw new NotImplementedException("PEP 440 specifiers");
}
