using System.Diagnostics.CodeAnalysis;
using NuGet.Versioning;

namespace Jaga.Core.Updates.Versions;

/// <summary>NuGet's versions and ranges, by NuGet's own library (NuGet.Versioning): a bare <c>1.2.3</c> in a
/// PackageReference means "1.2.3 or later", <c>[1.2.3]</c> exactly that, <c>[1.0,2.0)</c> an interval.</summary>
public sealed class NuGetVersionScheme : VersionScheme
{
    public static NuGetVersionScheme Instance { get; } = new();

    private NuGetVersionScheme()
    {
    }

    public override Ecosystem Ecosystem => Ecosystem.NuGet;

    public override bool TryParseVersion(string text, [NotNullWhen(true)] out PackageVersion? version)
    {
        version = NuGetVersion.TryParse(text, out var parsed) ? new Version(text, parsed) : null;
        return version is not null;
    }

    public override bool TryParseRange(string text, [NotNullWhen(true)] out Versions.VersionRange? range)
    {
        range = string.IsNullOrWhiteSpace(text) ? new Range(text, NuGet.Versioning.VersionRange.All)
            : NuGet.Versioning.VersionRange.TryParse(text, out var parsed) ? new Range(text, parsed)
            : null;
        return range is not null;
    }

    /// <summary>The NuGet version behind a version of this scheme.</summary>
    public static NuGetVersion Of(PackageVersion version) =>
        version is Version v ? v.Value : throw new InvalidOperationException($"not a NuGet version: {version.Ecosystem}");

    private sealed class Version(string text, NuGetVersion value) : PackageVersion
    {
        public NuGetVersion Value { get; } = value;

        public override Ecosystem Ecosystem => Ecosystem.NuGet;

        public override string Text => text;

        public override bool IsPrerelease => Value.IsPrerelease;

        public override (long Major, long Minor, long Patch) Release => (Value.Major, Value.Minor, Value.Patch);

        public override int CompareTo(PackageVersion? other) =>
            other is Version v ? VersionComparer.Default.Compare(Value, v.Value) : throw Mismatch(other);

        public override int GetHashCode() => VersionComparer.Default.GetHashCode(Value);
    }

    private sealed class Range(string text, NuGet.Versioning.VersionRange value) : Versions.VersionRange
    {
        public override string Text => text;

        public override bool Contains(PackageVersion version) => value.Satisfies(Of(version));
    }
}
