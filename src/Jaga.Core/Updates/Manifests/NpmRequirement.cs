using System.Text.RegularExpressions;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Versions;
using Semver;

namespace Jaga.Core.Updates.Manifests;

/// <summary>An npm version range as package.json writes it.</summary>
internal static partial class NpmRequirement
{
    /// <summary>Why a spec names no registry version (npm-package-arg's kinds): a workspace, a path, a git repository, a
    /// tarball URL, an alias or a dist-tag; null for a version or range.</summary>
    public static string? SkipKey(string spec)
    {
        var s = spec.Trim();
        if (s.StartsWith("workspace:", StringComparison.Ordinal)) return "reason.manifest.skip.workspace";
        if (s.StartsWith("npm:", StringComparison.Ordinal)) return "reason.manifest.skip.alias";
        if (s.StartsWith("file:", StringComparison.Ordinal) || s.StartsWith("link:", StringComparison.Ordinal)
            || s.StartsWith('.') || s.StartsWith('/') || s.StartsWith("~/", StringComparison.Ordinal))
            return "reason.manifest.skip.path";
        if (s.StartsWith("http:", StringComparison.Ordinal) || s.StartsWith("https:", StringComparison.Ordinal)) return "reason.manifest.skip.url";
        // git+ssh:, github:user/repo and the bare user/repo shorthand: a range never holds a slash or a colon.
        if (s.Contains(':', StringComparison.Ordinal) || s.Contains('/', StringComparison.Ordinal)) return "reason.manifest.skip.git";
        return SemVersionRange.TryParseNpm(s.Length == 0 ? "*" : s, out _) ? null : "reason.manifest.skip.tag";
    }

    /// <summary>The version in use when the range names one exact version (<c>1.2.3</c>, <c>=1.2.3</c>).</summary>
    public static string? Exact(string written)
    {
        var text = written.Trim().TrimStart('=').TrimStart();
        text = text.StartsWith('v') ? text[1..] : text;
        return SemVersion.TryParse(text, SemVersionStyles.Strict, out _) ? text : null;
    }

    /// <summary>The range moved to <paramref name="version"/> with its operator kept: <c>^4.17.0</c> becomes
    /// <c>^4.18.2</c>, <c>~1.2.3</c> <c>~1.3.0</c>, <c>1.2.3</c> <c>1.2.4</c>, and in <c>&gt;=1.2.3 &lt;2.0.0</c> the lower
    /// bound moves while the upper stays, when the upper still admits the version. Ranges that admit any version, wildcards
    /// (<c>1.x</c>, a bare <c>1.2</c>), unions (<c>||</c>), hyphen ranges and <c>&gt;</c> are refused: they cannot be
    /// moved without changing what they mean.</summary>
    public static MovedRequirement Move(string written, string version, Catalog words)
    {
        var text = written.Trim();
        if (!NpmVersionScheme.Instance.TryParseVersion(version, out var target)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.version", version));
        if (text is "" or "*" or "x" or "X") return MovedRequirement.Refused(words.Format("reason.manifest.edit.any", text));
        if (text.Contains("||", StringComparison.Ordinal) || text.Contains(" - ", StringComparison.Ordinal))
            return MovedRequirement.Refused(words.Format("reason.manifest.edit.complex", text));
        var comparators = Comparator().Matches(written).ToList();
        if (Comparator().Replace(text, "").Trim().Length > 0)
            return MovedRequirement.Refused(words.Format("reason.manifest.edit.unreadable", text));
        var lower = comparators.Where(c => c.Groups["op"].Value is "" or "=" or "^" or "~" or "~>" or ">=").ToList();
        if (comparators.Any(c => c.Groups["op"].Value == ">")) return MovedRequirement.Refused(words.Format("reason.manifest.edit.nolower", text));
        if (lower.Count != 1) return MovedRequirement.Refused(words.Format(lower.Count == 0 ? "reason.manifest.edit.nolower" : "reason.manifest.edit.complex", text));
        var bound = lower[0].Groups["v"];
        var numbers = bound.Value.TrimStart('v').Split('-', '+')[0].Split('.');
        if (numbers.Any(n => n is "x" or "X" or "*") || (lower[0].Groups["op"].Value is "" or "=" && numbers.Length < 3))
            return MovedRequirement.Refused(words.Format("reason.manifest.edit.wildcard", text));
        var moved = string.Concat(written.AsSpan(0, bound.Index), bound.Value.StartsWith('v') ? "v" : "", version, written.AsSpan(bound.Index + bound.Length));
        return NpmVersionScheme.Instance.TryParseRange(moved, out var range) && range.Contains(target)
            ? MovedRequirement.To(moved)
            : MovedRequirement.Refused(words.Format("reason.manifest.edit.upper", text, version));
    }

    [GeneratedRegex(@"(?<op>[<>]=?|=|\^|~>?)?\s*(?<v>v?[0-9xX*][0-9A-Za-z.+\-*]*)")]
    private static partial Regex Comparator();
}
