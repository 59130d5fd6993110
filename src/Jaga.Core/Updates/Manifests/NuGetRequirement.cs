using Jaga.Core.Messages;
using NuGet.Versioning;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A NuGet version or range as a PackageReference or PackageVersion writes it.</summary>
internal static class NuGetRequirement
{
    /// <summary>The version in use when the requirement says it alone: a bare <c>1.2.3</c> (NuGet restores exactly the
    /// lowest version a bare minimum allows, when the feed has it) or an exact <c>[1.2.3]</c>.</summary>
    public static string? Exact(string written)
    {
        var text = written.Trim();
        if (NuGetVersion.TryParse(text, out _)) return text;
        return text.Length > 2 && text[0] == '[' && text[^1] == ']' && !text.Contains(',', StringComparison.Ordinal)
            && NuGetVersion.TryParse(text[1..^1].Trim(), out _) ? text[1..^1].Trim() : null;
    }

    /// <summary>The requirement moved to <paramref name="version"/> with its notation kept: <c>13.0.1</c> becomes
    /// <c>13.0.3</c>, <c>[1.2.3]</c> becomes <c>[1.2.4]</c>, and an interval's inclusive minimum moves while its maximum
    /// stays, when the maximum still admits the version. A floating version (<c>13.*</c>), an exclusive or missing
    /// minimum and an MSBuild property are refused.</summary>
    public static MovedRequirement Move(string written, string version, Catalog words)
    {
        var text = written.Trim();
        if (text.Contains("$(", StringComparison.Ordinal)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.msbuild.property", text));
        if (!NuGetVersion.TryParse(version, out var target)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.version", version));
        if (text.Contains('*', StringComparison.Ordinal)) return MovedRequirement.Refused(words.Format("reason.manifest.edit.floating", text));
        if (NuGetVersion.TryParse(text, out _)) return Keep(written, text, version);
        if (Exact(text) is not null) return Keep(written, text, $"[{version}]");
        if (!VersionRange.TryParse(text, out _) || text.Length < 2 || text[0] is not ('[' or '('))
            return MovedRequirement.Refused(words.Format("reason.manifest.edit.unreadable", text));
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var lower = text[1..comma];
        if (text[0] == '(' || lower.Trim().Length == 0) return MovedRequirement.Refused(words.Format("reason.manifest.edit.nolower", text));
        var moved = string.Concat(text.AsSpan(0, 1), lower.Replace(lower.Trim(), version, StringComparison.Ordinal), text.AsSpan(comma));
        return VersionRange.TryParse(moved, out var range) && range.Satisfies(target)
            ? Keep(written, text, moved)
            : MovedRequirement.Refused(words.Format("reason.manifest.edit.upper", text, version));
    }

    // The spaces around the value stay as written.
    private static MovedRequirement Keep(string written, string trimmed, string moved) =>
        MovedRequirement.To(written.Replace(trimmed, moved, StringComparison.Ordinal));
}
