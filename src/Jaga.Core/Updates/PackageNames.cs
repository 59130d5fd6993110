using System.Text.RegularExpressions;

namespace Jaga.Core.Updates;

/// <summary>Package names compared the ecosystem's way: PyPI's normalized by PEP 503 (runs of <c>-</c>, <c>_</c>,
/// <c>.</c> are one <c>-</c>, lower case), NuGet's without case, npm's exactly.</summary>
public static partial class PackageNames
{
    public static string Normalize(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.PyPI => Separators().Replace(name, "-").ToLowerInvariant(),
        Ecosystem.NuGet => name.ToLowerInvariant(),
        Ecosystem.Npm => name,
    };

    public static bool Same(Ecosystem ecosystem, string a, string b) =>
        string.Equals(Normalize(ecosystem, a), Normalize(ecosystem, b), StringComparison.Ordinal);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
