using System.Text.RegularExpressions;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Versions;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A PEP 440 specifier set as a requirement writes it (<c>==1.25.0</c>, <c>~=1.25</c>, <c>&gt;=1.25,&lt;2</c>).</summary>
internal static partial class Pep440Requirement
{
    /// <summary>The version in use when the specifier pins one: <c>==1.2.3</c> (not a <c>==1.2.*</c> prefix) or
    /// <c>===1.2.3</c>.</summary>
    public static string? Exact(string specifier)
    {
        var clauses = specifier.Split(',');
        if (clauses.Length != 1) return null;
        var m = Clause().Match(clauses[0]);
        return m.Success && m.Groups["op"].Value is "==" or "===" && !m.Groups["v"].Value.Contains('*', StringComparison.Ordinal)
            ? m.Groups["v"].Value : null;
    }

    /// <summary>The specifier set moved to <paramref name="version"/> with its operators kept: the one lower clause
    /// (<c>==</c>, <c>===</c>, <c>~=</c> or <c>&gt;=</c>) takes the new version as given, the others (<c>&lt;</c>,
    /// <c>&lt;=</c>, <c>!=</c>) stay, and the result must still admit the version. So <c>==1.25.0</c> becomes
    /// <c>==1.26.0</c>, <c>&gt;=1.25,&lt;2</c> becomes <c>&gt;=1.26.0,&lt;2</c> (refused for 2.0.0), and <c>~=1.25</c>
    /// becomes <c>~=1.26.0</c> — the compatible series narrows to the new version's, which is the version the update
    /// chose. No lower clause, a <c>&gt;</c>, two lower clauses or a <c>==1.25.*</c> prefix are refused.</summary>
    public static MovedRequirement Move(string specifier, string version, Catalog words)
    {
        if (!Version().IsMatch(version)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.version", version));
        var clauses = specifier.Split(',');
        var matches = clauses.Select(c => Clause().Match(c)).ToList();
        if (matches.Any(m => !m.Success)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.unreadable", specifier));
        if (matches.Any(m => m.Groups["op"].Value == ">")) return MovedRequirement.Refused(words.Format("reason.manifest.edit.nolower", specifier));
        var lower = matches.Select((m, i) => (m, i)).Where(x => x.m.Groups["op"].Value is "==" or "===" or "~=" or ">=").ToList();
        if (lower.Count != 1)
            return MovedRequirement.Refused(words.Format(lower.Count == 0 ? "reason.manifest.edit.nolower" : "reason.manifest.edit.complex", specifier));
        var (bound, at) = lower[0];
        if (bound.Groups["v"].Value.Contains('*', StringComparison.Ordinal)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.wildcard", specifier));
        var v = bound.Groups["v"];
        clauses[at] = string.Concat(clauses[at].AsSpan(0, v.Index), version, clauses[at].AsSpan(v.Index + v.Length));
        var moved = string.Join(',', clauses);
        // One clause admits its own lower bound; with an upper bound or an exclusion beside it, PEP 440 decides.
        if (clauses.Length == 1) return MovedRequirement.To(moved);
        var scheme = VersionScheme.For(Ecosystem.PyPI);
        return scheme.TryParseVersion(version, out var target) && scheme.TryParseRange(moved, out var range) && range.Contains(target)
            ? MovedRequirement.To(moved)
            : MovedRequirement.Refused(words.Format("reason.manifest.edit.upper", specifier, version));
    }

    [GeneratedRegex(@"^\s*(?<op>~=|===|==|!=|<=|>=|<|>)\s*(?<v>[A-Za-z0-9.*+!_-]+)\s*$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^[A-Za-z0-9.+!_-]+$")]
    private static partial Regex Version();
}
