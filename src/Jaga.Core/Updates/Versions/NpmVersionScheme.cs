using System.Diagnostics.CodeAnalysis;
using Semver;

namespace Jaga.Core.Updates.Versions;

/// <summary>npm's versions (SemVer 2.0) and ranges (<c>^</c>, <c>~</c>, <c>x</c>, <c>||</c>, hyphen ranges), by the
/// Semver library's npm range parser: a pre-release satisfies a range only when the range names a pre-release of the
/// same major.minor.patch, as in node-semver.</summary>
public sealed class NpmVersionScheme : VersionScheme
{
    public static NpmVersionScheme Instance { get; } = new();

    private NpmVersionScheme()
    {
    }

    public override Ecosystem Ecosystem => Ecosystem.Npm;

    public override bool TryParseVersion(string text, [NotNullWhen(true)] out PackageVersion? version)
    {
        // node-semver accepts a leading v or = and surrounding spaces in a version ("loose" is not needed for registries).
        var trimmed = text.Trim().TrimStart('=', 'v');
        version = SemVersion.TryParse(trimmed, SemVersionStyles.Strict, out var parsed) ? new Version(text, parsed) : null;
        return version is not null;
    }

    public override bool TryParseRange(string text, [NotNullWhen(true)] out VersionRange? range)
    {
        var written = string.IsNullOrWhiteSpace(text) ? "*" : text;
        range = SemVersionRange.TryParseNpm(written, out var parsed) ? new Range(text, parsed) : null;
        return range is not null;
    }

    /// <summary>The SemVer version behind a version of this scheme.</summary>
    public static SemVersion Of(PackageVersion version) =>
        version is Version v ? v.Value : throw new InvalidOperationException($"not an npm version: {version.Ecosystem}");

    private sealed class Version(string text, SemVersion value) : PackageVersion
    {
        public SemVersion Value { get; } = value;

        public override Ecosystem Ecosystem => Ecosystem.Npm;

        public override string Text => text;

        public override bool IsPrerelease => Value.IsPrerelease;

        public override (long Major, long Minor, long Patch) Release => ((long)Value.Major, (long)Value.Minor, (long)Value.Patch);

        // Precedence ignores build metadata, as npm does.
        public override int CompareTo(PackageVersion? other) =>
            other is Version v ? SemVersion.ComparePrecedence(Value, v.Value) : throw Mismatch(other);

        public override int GetHashCode() => Value.WithoutMetadata().GetHashCode();
    }

    private sealed class Range(string text, SemVersionRange value) : VersionRange
    {
        public override string Text => text;

        public override bool Contains(PackageVersion version) => value.Contains(Of(version));
    }
}
