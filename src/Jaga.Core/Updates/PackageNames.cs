using System.Text.RegularExpressions;

namespace Jaga.Core.Updates;

/// <summary>A package's name as its ecosystem compares names: PyPI's normalized by PEP 503 (<c>Flask_SQLAlchemy</c> and
/// <c>flask-sqlalchemy</c> are one project), NuGet's without case (<c>Newtonsoft.Json</c>, <c>newtonsoft.json</c>), npm's as
/// written (npm names are lower case by rule, and a scope is part of the name).</summary>
public static partial class PackageNames
{
    public static string Normalize(Ecosystem ecosystem, string name) => ecosystem switch
    {
        Ecosystem.PyPI => Separators().Replace(name.Trim(), "-").ToLowerInvariant(),
        Ecosystem.NuGet => name.Trim().ToLowerInvariant(),
        Ecosystem.Npm => name.Trim(),
    };

    public static bool Same(Ecosystem ecosystem, string a, string b) =>
        string.Equals(Normalize(ecosystem, a), Normalize(ecosystem, b), StringComparison.Ordinal);

    /// <summary>PEP 503: runs of <c>-</c>, <c>_</c> and <c>.</c> are one separator.</summary>
    [GeneratedRegex("[-_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
