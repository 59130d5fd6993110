namespace Jaga.Core.Updates.Versions;

/// <summary>A manifest's requirement read by its ecosystem's rules: NuGet's interval notation, an npm range, a PEP 440
/// specifier set.</summary>
public abstract class VersionRange
{
    /// <summary>The requirement as written.</summary>
    public abstract string Text { get; }

    /// <summary>Whether <paramref name="version"/> satisfies the requirement. A pre-release satisfies it only where the
    /// ecosystem's own rules let it (npm: only a range that names a pre-release of the same major.minor.patch).</summary>
    public abstract bool Contains(PackageVersion version);

    public override string ToString() => Text;
}
