using System.Text.RegularExpressions;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>The version a distribution file's name carries, for the project it belongs to: a wheel is
/// <c>{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl</c>, an sdist <c>{name}-{version}.tar.gz</c> (or .zip,
/// and the older archive kinds pip still takes). Names are compared normalized (PEP 503), since an sdist may spell them
/// <c>Foo_Bar</c> and a wheel <c>foo_bar</c>.</summary>
internal static partial class DistributionFile
{
    private static readonly string[] SdistExtensions = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar"];

    /// <summary>PEP 503's normalized name: runs of <c>-</c>, <c>_</c>, <c>.</c> as one <c>-</c>, lower case.</summary>
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    /// <summary>The version in <paramref name="fileName"/>, or null when it is not a distribution of
    /// <paramref name="project"/> (normalized) in a format pip installs.</summary>
    public static string? VersionOf(string fileName, string project)
    {
        if (fileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = fileName[..^4].Split('-');
            return parts.Length is 5 or 6 && Normalize(parts[0]) == project && parts[1].Length > 0 ? parts[1] : null;
        }
        var extension = SdistExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null) return null;
        var stem = fileName[..^extension.Length];
        // An sdist's name may itself hold dashes (python-dateutil-2.9.0): the version starts after the dash where the
        // part before it is the project's name.
        for (var dash = stem.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = stem.IndexOf('-', dash + 1))
        {
            if (Normalize(stem[..dash]) == project) return dash + 1 < stem.Length ? stem[(dash + 1)..] : null;
        }
        return null;
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
