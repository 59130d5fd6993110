using System.Text.RegularExpressions;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A PEP 508 dependency specifier (<c>requests[socks] &gt;=2.31,&lt;3 ; python_version &gt;= "3.8"</c>) split
/// into its parts, with where its version specifiers are written so an edit can replace them.</summary>
/// <param name="Name">The distribution's name as written.</param>
/// <param name="Specifier">The version specifiers without parentheses or surrounding spaces; empty when there are none.</param>
/// <param name="SpecifierIndex">Where <paramref name="Specifier"/> starts in the text parsed; where it would go when empty.</param>
/// <param name="Url">The URL of a direct reference (<c>name @ https://…</c>), which has no version to update.</param>
internal sealed partial record Pep508Requirement(string Name, string Specifier, int SpecifierIndex, string? Url)
{
    /// <summary>Parses <paramref name="text"/>, or null when it is not a PEP 508 requirement.</summary>
    public static Pep508Requirement? Parse(string text)
    {
        var m = Shape().Match(text);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        if (m.Groups["url"].Success) return new Pep508Requirement(name, "", m.Groups["url"].Index, m.Groups["url"].Value.Trim());
        var spec = m.Groups["spec"];
        var specifier = spec.Value.Trim();
        if (specifier.Length > 0 && !specifier.Split(',').All(c => Clause().IsMatch(c))) return null;
        var index = spec.Index + (spec.Value.Length - spec.Value.TrimStart().Length);
        return new Pep508Requirement(name, specifier, index, null);
    }

    /// <summary>PEP 503's normal form of a name, under which PyPI compares names: lower case, runs of <c>-_.</c> as one
    /// <c>-</c>.</summary>
    public static string Normalized(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    // name, optional [extras], then either "@ url" or specifiers (bare or in parentheses), then optional "; markers".
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:@(?<url>[^;]+?)(?:\s+;.*)?|(?:\((?<spec>[^)]*)\)|(?<spec>[^;()]*))\s*(?:;.*)?)\s*$", RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*$")]
    private static partial Regex Clause();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
