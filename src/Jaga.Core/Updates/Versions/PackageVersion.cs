namespace Jaga.Core.Updates.Versions;

/// <summary>A version of one ecosystem, ordered by that ecosystem's rules. Versions of different ecosystems are never
/// compared: <see cref="CompareTo"/> throws.</summary>
public abstract class PackageVersion : IComparable<PackageVersion>, IEquatable<PackageVersion>
{
    public abstract Ecosystem Ecosystem { get; }

    /// <summary>The version as written.</summary>
    public abstract string Text { get; }

    /// <summary>A pre-release (NuGet/SemVer <c>-beta</c>, PEP 440 a/b/rc/dev): never proposed unless the current version
    /// is one.</summary>
    public abstract bool IsPrerelease { get; }

    /// <summary>The first three release numbers (0 where the version has fewer), which name an update's kind.</summary>
    public abstract (long Major, long Minor, long Patch) Release { get; }

    public abstract int CompareTo(PackageVersion? other);

    public bool Equals(PackageVersion? other) => other is not null && other.Ecosystem == Ecosystem && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is PackageVersion other && Equals(other);

    public abstract override int GetHashCode();

    public override string ToString() => Text;

    public static bool operator ==(PackageVersion? a, PackageVersion? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(PackageVersion? a, PackageVersion? b) => !(a == b);

    public static bool operator <(PackageVersion a, PackageVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(PackageVersion a, PackageVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(PackageVersion a, PackageVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(PackageVersion a, PackageVersion b) => a.CompareTo(b) >= 0;

    protected InvalidOperationException Mismatch(PackageVersion? other) =>
        new($"a {Ecosystem} version compared with {other?.Ecosystem.ToString() ?? "null"}");
}
